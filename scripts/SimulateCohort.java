import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a synthetic cohort through realistic pain trajectories over painladder's public HTTP API and compares the
 * refractory flag the service sets (REF-01) with the generator's ground truth. Seeded: the same seed and size give the
 * same cohort. Each patient's history is backfilled (regimens with a past effectiveAt, assessments with a past
 * recordedAt, oldest first), so a 40-day course is replayed in a few requests.
 *
 * Usage: scripts/simulate-cohort [--base-url URL] [--patients N] [--seed S] [--threads T] [--key PEM | --token JWT]
 * The base URL defaults to $PAINLADDER_URL, else http://localhost:8080; the key to the development key of the
 * repository (data/keys/private.pem, or $PAINLADDER_DEV_KEYS_DIR), wherever it is run from. Every run registers its
 * patients under MRNs of its own, so reruns with the same seed replay the same cohort without conflicts. It exits 1
 * only when the run itself fails (the service unreachable, an unexpected answer), 2 on a usage error.
 *
 * With {@code demo} as its first argument (scripts/demo) it loads a clinic's cohort for the dashboard instead: 200
 * patients by default under fixed MRNs (DEMO-0001 …), 2 to 12 weeks of history each (90 days for every twentieth),
 * a clinic's mix of trajectories, patient factors, decided advice, worked cases and procedures. A patient whose MRN
 * is already registered is skipped, so a rerun loads only what is missing. Writes use --token (the EHR's; several,
 * comma-separated, share the patients out as separate feeds), decisions --clinician-token and case work
 * --palliative-token; each defaults to an admin token signed with the key.
 */
public class SimulateCohort {

    /** The trajectories, their share of the cohort (per mille) and whether they are refractory by construction. */
    enum Trajectory {
        STEP1_RESPONDER(150, 270, false),
        STEP2_RESPONDER(180, 330, false),
        STEP3_RESPONDER(200, 160, false),
        LATE_RESPONDER(80, 30, false),
        SHORT_STEP3_TRIAL(70, 20, false),
        STILL_TITRATABLE(60, 20, false),
        INFECTION_EPISODE(50, 10, false),
        POSTOPERATIVE_EPISODE(40, 5, false),
        NEUROPATHIC_WITHOUT_ADJUVANT(20, 5, false),
        REFRACTORY_HIGH_OMEDD(70, 60, true),
        REFRACTORY_ADVERSE_EFFECT_LIMITED(40, 35, true),
        REFRACTORY_AFTER_ROTATION(30, 25, true),
        REFRACTORY_BREAKTHROUGH(10, 10, true),
        REFRACTORY_NEUROPATHIC_WITH_ADJUVANT(10, 20, true);

        final int perMille;
        /** The demo's mix: a clinic's, most patients controlled on step 1 or 2 (CRPC 2017: 80–90 % controlled). */
        final int demoPerMille;
        final boolean refractory;

        Trajectory(int perMille, int demoPerMille, boolean refractory) {
            this.perMille = perMille;
            this.demoPerMille = demoPerMille;
            this.refractory = refractory;
        }

        static Trajectory draw(Random random, ToIntFunction<Trajectory> share) {
            int total = 0;
            for (Trajectory t : values()) {
                total += share.applyAsInt(t);
            }
            int pick = random.nextInt(total);
            for (Trajectory t : values()) {
                pick -= share.applyAsInt(t);
                if (pick < 0) {
                    return t;
                }
            }
            throw new IllegalStateException();
        }
    }

    /** Background scores are charted at these hours before now, oldest first; the last 72 h decide REF-01 (b). */
    static final int[] CHARTED_HOURS_AGO = {120, 96, 75, 60, 44, 30, 16, 4};

    record Outcome(Trajectory trajectory, boolean detected) {
    }

    /** The first argument that loads the demo cohort, and the run name its simulation carries. */
    static final String DEMO = "demo";

    /** What a demo run did with one patient. */
    enum Loaded { LOADED, ALREADY_LOADED }

    /** Where a patient's scores are charted and what kind of pain they describe, the same for all its scores. */
    record Chart(String patientId, String site, String mechanism) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Every request this run sent, all feeds together. */
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private final String baseUrl;
    /** Registrations, scores and regimens: the EHR's writes. */
    private final String bearer;
    private final String clinicianBearer;
    private final String palliativeBearer;
    private final long seed;
    /** Distinguishes this run's MRNs from an earlier run's with the same seed; it never changes the cohort. */
    private final String run;

    SimulateCohort(String baseUrl, String bearer, String clinicianBearer, String palliativeBearer, long seed, String run) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
        this.clinicianBearer = clinicianBearer;
        this.palliativeBearer = palliativeBearer;
        this.seed = seed;
        this.run = run;
    }

    static final List<String> OPTIONS = List.of("--base-url", "--patients", "--seed", "--threads", "--key", "--token",
            "--clinician-token", "--palliative-token");

    public static void main(String[] args) {
        boolean demo = args.length > 0 && args[0].equals(DEMO);
        String command = demo ? "scripts/demo" : "scripts/simulate-cohort";
        Map<String, String> options = new HashMap<>(Map.of(
                "--base-url", System.getenv().getOrDefault("PAINLADDER_URL", "http://localhost:8080"),
                "--patients", demo ? "200" : "2000", "--seed", demo ? "20261206" : "20261130",
                "--threads", demo ? "4" : "8", "--key", defaultKey().toString()));
        for (int i = demo ? 1 : 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                System.err.println("usage: " + command + " [--base-url URL] [--patients N] [--seed S]"
                        + " [--threads T] [--key PEM | --token JWT" + (demo ? " --clinician-token JWT"
                        + " --palliative-token JWT" : "") + "]   (" + args[i] + "?)");
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        try {
            if (demo) {
                loadDemo(options);
            } else {
                simulate(options);
            }
        } catch (Exception failure) {
            Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            System.err.println(command.substring(8) + " failed: " + describe(cause, options.get("--base-url")));
            System.exit(1);
        }
    }

    /**
     * One simulation per EHR feed: --token may list several tokens, comma-separated, each its own client of the
     * service (whose rate limit is per client); without --token one feed with a token the key signs.
     */
    private static List<SimulateCohort> connect(Map<String, String> options, String run) throws Exception {
        String baseUrl = options.get("--base-url").replaceAll("/+$", "");
        String signed = options.containsKey("--token") ? null : devToken(Path.of(options.get("--key")));
        List<SimulateCohort> feeds = new ArrayList<>();
        for (String token : options.getOrDefault("--token", signed).split(",")) {
            feeds.add(new SimulateCohort(baseUrl, "Bearer " + token,
                    "Bearer " + options.getOrDefault("--clinician-token", token),
                    "Bearer " + options.getOrDefault("--palliative-token", token),
                    Long.parseLong(options.get("--seed")), run));
        }
        return feeds;
    }

    /** Runs one task per patient on T threads and answers their results in patient order. */
    private static <T> List<T> forEachPatient(Map<String, String> options, PatientTask<T> task) throws Exception {
        int patients = Integer.parseInt(options.get("--patients"));
        ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(options.get("--threads")));
        List<Future<T>> running = new ArrayList<>();
        for (int index = 0; index < patients; index++) {
            int patient = index;
            running.add(pool.submit(() -> task.run(patient)));
        }
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> result : running) {
                results.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    interface PatientTask<T> {
        T run(int index) throws Exception;
    }

    private static void simulate(Map<String, String> options) throws Exception {
        SimulateCohort simulation = connect(options, Long.toString(System.currentTimeMillis(), 36)).get(0);
        simulation.get("/api/v1/ladder/policy");
        List<Outcome> outcomes = forEachPatient(options, simulation::replay);
        report(outcomes, outcomes.size(), simulation.seed, simulation.get("/api/v1/stats/cohort"));
    }

    private static void loadDemo(Map<String, String> options) throws Exception {
        long started = System.nanoTime();
        List<SimulateCohort> feeds = connect(options, DEMO);
        SimulateCohort demo = feeds.get(0);
        demo.get("/api/v1/ladder/policy");
        List<Loaded> loaded = forEachPatient(options, index -> feeds.get(index % feeds.size()).loadDemoPatient(index));
        long fresh = loaded.stream().filter(l -> l == Loaded.LOADED).count();
        System.out.printf(Locale.ROOT, "demo: %d patients (seed %d): %d loaded, %d already loaded; %d requests in %.0f s%n",
                loaded.size(), demo.seed, fresh, loaded.size() - fresh, REQUESTS.get(),
                (System.nanoTime() - started) / 1e9);
        System.out.println("GET /api/v1/stats/cohort: " + demo.get("/api/v1/stats/cohort"));
        System.out.println("dashboard: " + demo.baseUrl + "/ui");
    }

    /** The repository's development key, wherever the script is run from (scripts/simulate-cohort passes the root). */
    private static Path defaultKey() {
        String keys = System.getenv("PAINLADDER_DEV_KEYS_DIR");
        Path root = Path.of(System.getProperty("painladder.root", "."));
        return root.resolve(keys != null ? keys : "data/keys").resolve("private.pem");
    }

    /** One line a person can act on, instead of a stack trace. */
    private static String describe(Throwable failure, String baseUrl) {
        if (failure instanceof java.net.ConnectException) {
            return "cannot reach " + baseUrl + "; start the service (java -jar target/embedded/quarkus-run.jar) or pass --base-url /"
                    + " PAINLADDER_URL";
        }
        if (failure instanceof java.nio.file.NoSuchFileException missing) {
            return "no development key at " + missing.getFile() + "; start the service once on the embedded default"
                    + " (it makes data/keys), or pass --key PEM or --token JWT";
        }
        if (failure instanceof NumberFormatException) {
            return "--patients, --seed and --threads take whole numbers (" + failure.getMessage() + ")";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    /** One patient's course, drawn from its own seeded generator so that threads do not change the cohort. */
    Outcome replay(int index) throws Exception {
        Random random = new Random(seed * 1_000_003L + index);
        Trajectory trajectory = Trajectory.draw(random, t -> t.perMille);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String patientId = register(index, random, trajectory);
        Chart chart = new Chart(patientId, "ABDOMEN_UPPER", neuropathic(trajectory) ? "NEUROPATHIC" : "NOCICEPTIVE_VISCERAL");
        int step3Days = step3Days(trajectory, random);
        int omedd = omeddMg(trajectory, random);
        Instant start = now.minus(Duration.ofDays(step3Days + 10L));
        putRegimen(patientId, start, List.of(paracetamol()), "start step 1");
        if (trajectory != Trajectory.STEP1_RESPONDER) {
            putRegimen(patientId, start.plus(Duration.ofDays(3)), List.of(paracetamol(), codeine()), "escalate to step 2");
        }
        if (step3Days > 0) {
            List<String> items = new ArrayList<>(List.of(paracetamol(), morphine(omedd)));
            boolean adjuvant = trajectory == Trajectory.REFRACTORY_NEUROPATHIC_WITH_ADJUVANT;
            if (adjuvant) {
                items.add(gabapentin());
            }
            putRegimen(patientId, now.minus(Duration.ofDays(step3Days)), items, "escalate to step 3");
            if (trajectory == Trajectory.REFRACTORY_AFTER_ROTATION) {
                putRegimen(patientId, now.minus(Duration.ofDays(Math.min(step3Days - 2, 10))),
                        List.of(paracetamol(), oxycodone(omedd)), "rotation for inadequate analgesia");
            }
        }

        chartLastFiveDays(chart, trajectory, now, random);
        String patient = get("/api/v1/patients/" + patientId);
        return new Outcome(trajectory, patient.contains("\"refractory\":true"));
    }

    /**
     * One demo patient's course, oldest first: a first score on no analgesic, step 1, the step 2 and step 3 regimens
     * the trajectory reaches (step 3 titrated every four days up to its final dose), a score every fifth day (every
     * day over a 90-day history), the last five days as the simulation charts them; then the team's work: the newest
     * pending advice accepted or rejected for some, open cases taken under review or referred, procedures done.
     */
    Loaded loadDemoPatient(int index) throws Exception {
        Random random = new Random(seed * 1_000_003L + index);
        Trajectory trajectory = Trajectory.draw(random, t -> t.demoPerMille);
        String mrn = "DEMO-%04d".formatted(index + 1);
        if (ID.matcher(get("/api/v1/patients?mrn=" + mrn)).find()) {
            return Loaded.ALREADY_LOADED;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int step3Days = step3Days(trajectory, random);
        int omedd = omeddMg(trajectory, random);
        int historyDays = Math.max(index % 20 == 0 ? 90 : 14 + random.nextInt(71), step3Days + 12);

        String[][] primaries = {{"PANCREAS", "C25.0"}, {"LUNG", "C34.1"}, {"BREAST", "C50.9"}, {"PROSTATE", "C61"},
                {"COLORECTAL", "C18.7"}, {"STOMACH", "C16.9"}, {"OVARY", "C56"}, {"MYELOMA", "C90.0"},
                {"HEAD_NECK", "C10.9"}, {"KIDNEY", "C64"}};
        String[] primary = primaries[random.nextInt(primaries.length)];
        boolean boneMetastases = primary[0].matches("BREAST|PROSTATE|MYELOMA|LUNG|KIDNEY") && random.nextInt(3) > 0;
        int egfr = random.nextInt(8) == 0 ? 18 + random.nextInt(40) : 60 + random.nextInt(40);
        boolean frail = random.nextInt(6) == 0;
        String site = boneMetastases ? (random.nextBoolean() ? "BONE_DIFFUSE" : "BACK_LOW") : switch (primary[0]) {
            case "PANCREAS", "STOMACH" -> "ABDOMEN_UPPER";
            case "COLORECTAL", "OVARY" -> "PELVIS";
            case "LUNG" -> "CHEST";
            case "HEAD_NECK" -> "HEAD";
            default -> "GENERALIZED";
        };
        String mechanism = neuropathic(trajectory) ? "NEUROPATHIC" : boneMetastases ? "NOCICEPTIVE_SOMATIC"
                : site.equals("GENERALIZED") ? "MIXED" : "NOCICEPTIVE_VISCERAL";
        String patientId = idIn(send("POST", "/api/v1/patients", """
                { "mrn": "%s", "birthYear": %d, "sex": "%s",
                  "diagnosis": { "icd10": "%s", "primarySite": "%s", "metastatic": true, "boneMetastases": %s },
                  "lifeExpectancyMonths": %d, "contraindications": [%s],
                  "renalFunction": { "egfr": %d, "measuredAt": "%s" }, "frail": %s, "weightKg": %d }
                """.formatted(mrn, 1938 + random.nextInt(50), random.nextBoolean() ? "female" : "male", primary[1],
                primary[0], boneMetastases, 1 + random.nextInt(12), random.nextInt(10) == 0 ? "\"ANTICOAGULATED\"" : "",
                egfr, now.minus(Duration.ofDays(historyDays)), frail, 45 + random.nextInt(45)), 201),
                "registration of " + mrn);
        Chart chart = new Chart(patientId, site, mechanism);

        // Days before now at which the course reaches each step (0: it does not).
        int step1 = historyDays - 1;
        int step2 = trajectory == Trajectory.STEP1_RESPONDER ? 0
                : step1 - 3 - random.nextInt(Math.max(1, (step1 - step3Days - 6) / 2));
        int rotation = trajectory == Trajectory.REFRACTORY_AFTER_ROTATION ? Math.min(step3Days - 2, 10) : 0;
        // Severe renal impairment: oxycodone rather than morphine, whose metabolites accumulate (clinical-rules §8.2).
        boolean oxycodoneFirst = egfr < 30 && rotation == 0;
        boolean adjuvant = trajectory == Trajectory.REFRACTORY_NEUROPATHIC_WITH_ADJUVANT;

        postBackground(chart, dayAgo(now, historyDays, random), 4 + random.nextInt(3), random.nextInt(2), null);
        putRegimen(patientId, dayAgo(now, step1, random), List.of(paracetamol()), "start step 1");
        int titrations = Math.max(0, (step3Days - Math.max(rotation, 5) - 1) / 4);
        int lastChange = rotation > 0 ? rotation : step3Days > 0 ? step3Days - 4 * titrations : step2 > 0 ? step2 : step1;
        for (int daysAgo = step1 - 1; daysAgo >= 0; daysAgo--) {
            if (step2 > 0 && daysAgo == step2) {
                putRegimen(patientId, dayAgo(now, daysAgo, random), List.of(paracetamol(), codeine(), senna()),
                        "escalate to step 2");
            }
            int sinceStep3 = step3Days - daysAgo;
            if (step3Days > 0 && sinceStep3 >= 0 && sinceStep3 % 4 == 0 && sinceStep3 / 4 <= titrations) {
                int reached = titrations == 0 ? omedd
                        : Math.min(omedd, 30) + (omedd - Math.min(omedd, 30)) * sinceStep3 / (4 * titrations);
                int dose = Math.max(10, reached / 10 * 10);
                List<String> items = new ArrayList<>(List.of(paracetamol(),
                        oxycodoneFirst ? oxycodone(dose) : morphine(dose), senna()));
                if (adjuvant) {
                    items.add(gabapentin());
                }
                putRegimen(patientId, dayAgo(now, daysAgo, random), items,
                        daysAgo == step3Days ? "escalate to step 3" : "titration");
            }
            if (rotation > 0 && daysAgo == rotation) {
                putRegimen(patientId, dayAgo(now, daysAgo, random), List.of(paracetamol(),
                        oxycodoneFirst ? morphine(omedd) : oxycodone(omedd), senna()), "rotation for inadequate analgesia");
            }
            if (daysAgo > 5 && (historyDays == 90 || daysAgo % 5 == 0)) {
                boolean refractoryCourse = trajectory.refractory && daysAgo <= step3Days;
                int score = refractoryCourse ? 5 + random.nextInt(3) : daysAgo > lastChange - 3 ? 3 + random.nextInt(4)
                        : uncontrolled(trajectory) ? 4 + random.nextInt(4) : random.nextInt(4);
                postBackground(chart, dayAgo(now, daysAgo, random), score, random.nextInt(refractoryCourse ? 4 : 2), null);
            }
        }
        chartLastFiveDays(chart, trajectory, now, random);
        decideNewestAdvice(patientId, random);
        workOpenCase(patientId, primary[0], boneMetastases, now, random);
        return Loaded.LOADED;
    }

    /** A time up to four hours before the same time that many days ago, so that patients' charts do not line up. */
    private static Instant dayAgo(Instant now, int daysAgo, Random random) {
        return now.minus(Duration.ofDays(daysAgo)).minusSeconds(random.nextInt(4 * 3600));
    }

    /** The clinician accepts about half of the newest pending advice and rejects a fifth; the rest waits. */
    private void decideNewestAdvice(String patientId, Random random) throws Exception {
        String path = "/api/v1/patients/" + patientId + "/recommendations";
        String pending = send(clinicianBearer, "GET", path + "?status=PENDING&size=1", null, 200);
        int decision = random.nextInt(100);
        if (!ID.matcher(pending).find() || decision >= 65) {
            return;
        }
        String recommendationId = idIn(pending, "pending recommendations");
        if (decision < 45) {
            send(clinicianBearer, "POST", path + "/" + recommendationId + "/accept",
                    "{ \"note\": \"agreed at the morning round\" }", 200);
        } else {
            send(clinicianBearer, "POST", path + "/" + recommendationId + "/reject",
                    "{ \"reason\": \"patient prefers to wait for the next review\" }", 200);
        }
    }

    /**
     * The palliative team takes a third of the open cases under review and refers a sixth; a pancreatic patient who
     * is referred has had a coeliac plexus block, and some patients with bone metastases had radiotherapy.
     */
    private void workOpenCase(String patientId, String primarySite, boolean boneMetastases, Instant now, Random random)
            throws Exception {
        if (boneMetastases && random.nextInt(4) == 0) {
            send(palliativeBearer, "POST", "/api/v1/patients/" + patientId + "/procedures", """
                    { "type": "PALLIATIVE_RADIOTHERAPY", "performedAt": "%s", "outcome": "8 Gy x 1 to the painful lesion",
                      "performedBy": "dr.radiotherapy" }""".formatted(now.minus(Duration.ofDays(7 + random.nextInt(5)))), 201);
        }
        Matcher openCase = Pattern.compile("\"openRefractoryCaseId\":\"([0-9a-f-]{36})\"")
                .matcher(get("/api/v1/patients/" + patientId));
        int work = random.nextInt(6);
        if (!openCase.find() || work > 2) {
            return;
        }
        String transitions = "/api/v1/refractory-cases/" + openCase.group(1) + "/transitions";
        send(palliativeBearer, "POST", transitions, """
                { "to": "UNDER_REVIEW", "assignee": "dr.palliative", "note": "for the team meeting" }""",
                200);
        if (work == 0) {
            send(palliativeBearer, "POST", transitions, """
                    { "to": "REFERRED", "note": "referred to the interventional pain service" }""",
                    200);
            if (primarySite.equals("PANCREAS")) {
                send(palliativeBearer, "POST", "/api/v1/patients/" + patientId + "/procedures", """
                        { "type": "CELIAC_PLEXUS_NEUROLYSIS", "performedAt": "%s", "outcome": "NRS 3/10 at 24 h",
                          "performedBy": "dr.interventional" }""".formatted(now.minus(Duration.ofHours(6))), 201);
            }
        }
    }

    private static boolean neuropathic(Trajectory trajectory) {
        return trajectory == Trajectory.NEUROPATHIC_WITHOUT_ADJUVANT
                || trajectory == Trajectory.REFRACTORY_NEUROPATHIC_WITH_ADJUVANT;
    }

    /** How long the patient has been on step 3 by now (0: never). */
    private static int step3Days(Trajectory trajectory, Random random) {
        return switch (trajectory) {
            case SHORT_STEP3_TRIAL -> 4 + random.nextInt(9);
            case STEP1_RESPONDER, STEP2_RESPONDER -> 0;
            default -> 15 + random.nextInt(26);
        };
    }

    /** The scheduled OMEDD the course ends on (0: no strong opioid). */
    private static int omeddMg(Trajectory trajectory, Random random) {
        return switch (trajectory) {
            case STEP3_RESPONDER -> 40 + 20 * random.nextInt(5);
            case STILL_TITRATABLE, REFRACTORY_AFTER_ROTATION -> 100 + 10 * random.nextInt(9);
            case REFRACTORY_ADVERSE_EFFECT_LIMITED -> 80 + 10 * random.nextInt(8);
            case STEP1_RESPONDER, STEP2_RESPONDER -> 0;
            default -> 200 + 20 * random.nextInt(11);
        };
    }

    /** The scores of the last five days, which decide whether REF-01 flags the patient (its 72 h window and more). */
    private void chartLastFiveDays(Chart chart, Trajectory trajectory, Instant now, Random random) throws Exception {
        for (int hoursAgo : CHARTED_HOURS_AGO) {
            Instant at = now.minus(Duration.ofHours(hoursAgo)).plusSeconds(random.nextInt(1800));
            boolean recent = hoursAgo < 72;
            boolean episodeTime = hoursAgo == 44 || hoursAgo == 30;
            switch (trajectory) {
                case INFECTION_EPISODE, POSTOPERATIVE_EPISODE -> {
                    String cause = trajectory == Trajectory.INFECTION_EPISODE ? "INFECTIOUS_INFLAMMATORY" : "POSTOPERATIVE";
                    if (episodeTime) {
                        postAcute(chart, at, 7 + random.nextInt(3), cause);
                    } else {
                        postBackground(chart, at, hoursAgo <= 16 ? 5 + random.nextInt(3) : random.nextInt(4),
                                random.nextInt(3), null);
                    }
                }
                case REFRACTORY_BREAKTHROUGH -> postBackground(chart, at, 2 + random.nextInt(2),
                        recent ? 4 + random.nextInt(3) : random.nextInt(3), null);
                case REFRACTORY_ADVERSE_EFFECT_LIMITED -> postBackground(chart, at, 5 + random.nextInt(3),
                        random.nextInt(3), hoursAgo == 30 ? doseLimitingEffect(random) : null);
                case LATE_RESPONDER -> postBackground(chart, at, recent ? random.nextInt(4) : 5 + random.nextInt(3),
                        random.nextInt(3), null);
                default -> postBackground(chart, at, uncontrolled(trajectory) ? 5 + random.nextInt(4)
                        : random.nextInt(4), random.nextInt(3), null);
            }
        }
    }

    private static boolean uncontrolled(Trajectory trajectory) {
        return switch (trajectory) {
            case SHORT_STEP3_TRIAL, STILL_TITRATABLE, NEUROPATHIC_WITHOUT_ADJUVANT, REFRACTORY_HIGH_OMEDD,
                 REFRACTORY_AFTER_ROTATION, REFRACTORY_NEUROPATHIC_WITH_ADJUVANT -> true;
            default -> false;
        };
    }

    private static String doseLimitingEffect(Random random) {
        String[] types = {"DELIRIUM", "MYOCLONUS", "SEDATION"};
        return "{\"type\":\"" + types[random.nextInt(types.length)] + "\",\"severity\":\""
                + (random.nextBoolean() ? "MODERATE" : "SEVERE") + "\"}";
    }

    private String register(int index, Random random, Trajectory trajectory) throws Exception {
        String[] primaries = {"PANCREAS", "LUNG", "BREAST", "PROSTATE", "COLORECTAL", "STOMACH", "OVARY", "MYELOMA"};
        String body = """
                { "mrn": "SIM-%d-%s-%06d", "birthYear": %d, "sex": "%s",
                  "diagnosis": { "primarySite": "%s", "metastatic": true },
                  "lifeExpectancyMonths": %d }
                """.formatted(seed, run, index, 1940 + random.nextInt(50), random.nextBoolean() ? "female" : "male",
                primaries[random.nextInt(primaries.length)], 1 + random.nextInt(12));
        return idIn(send("POST", "/api/v1/patients", body, 201), "registration of patient " + index + " (" + trajectory + ")");
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** The first "id" in an answer. */
    private static String idIn(String answer, String what) {
        Matcher id = ID.matcher(answer);
        if (!id.find()) {
            throw new IllegalStateException("no id in the answer to the " + what);
        }
        return id.group(1);
    }

    private void putRegimen(String patientId, Instant effectiveAt, List<String> items, String reason) throws Exception {
        send("PUT", "/api/v1/patients/" + patientId + "/regimen", "{ \"items\": [" + String.join(",", items)
                // The EHR's feed records each regimen for the prescriber; the record also names the feed's account.
                + "], " + (run.equals(DEMO) ? "\"changedBy\": \"dr.demo\", " : "") + "\"reason\": \""
                + reason + "\", \"effectiveAt\": \""
                + effectiveAt + "\" }", 200);
    }

    private void postBackground(Chart chart, Instant at, int score, int episodes, String adverseEffect)
            throws Exception {
        postAssessment(chart.patientId(), at, score, "CHRONIC", null, chart.site(), chart.mechanism(), episodes,
                adverseEffect);
    }

    private void postAcute(Chart chart, Instant at, int score, String cause) throws Exception {
        postAssessment(chart.patientId(), at, score, "ACUTE", cause, chart.site(), "NOCICEPTIVE_SOMATIC", 1, null);
    }

    private void postAssessment(String patientId, Instant at, int score, String course, String cause, String site,
                                String mechanism, int episodes, String adverseEffect) throws Exception {
        String body = """
                { "recordedAt": "%s", "scale": "NRS", "value": %d, "kind": "BACKGROUND", "site": "%s",
                  "mechanism": "%s", "course": "%s", "acuteCause": %s, "breakthroughEpisodes24h": %d,
                  "adverseEffects": [%s], "source": "EHR" }
                """.formatted(at, score, site, mechanism, course, cause == null ? "null" : "\"" + cause + "\"",
                episodes, adverseEffect == null ? "" : adverseEffect);
        send("POST", "/api/v1/patients/" + patientId + "/pain-assessments", body, 201);
    }

    private static String paracetamol() {
        return item("PARACETAMOL", 1000, 4, false);
    }

    private static String codeine() {
        return item("CODEINE", 60, 4, false);
    }

    /** Sustained-release morphine twice daily with an immediate-release rescue of about a sixth of the daily dose. */
    private static String morphine(int omeddMg) {
        return item("MORPHINE", omeddMg / 2, 2, false) + "," + item("MORPHINE", Math.max(5, omeddMg / 6 / 5 * 5), 6, true);
    }

    /** Oxycodone at the same OMEDD (factor 1.5), with its own rescue. */
    private static String oxycodone(int omeddMg) {
        int daily = omeddMg * 2 / 3;
        return item("OXYCODONE", daily / 2, 2, false) + "," + item("OXYCODONE", Math.max(5, daily / 6 / 5 * 5), 6, true);
    }

    /** The laxative every scheduled opioid needs (NCCN, EAPC), so the demo's regimens do not all warn NO_LAXATIVE. */
    private static String senna() {
        return item("SENNA", 15, 1, false);
    }

    private static String gabapentin() {
        return item("GABAPENTIN", 300, 3, false);
    }

    private static String item(String drug, int dose, int timesPerDay, boolean prn) {
        return "{\"drug\":\"%s\",\"route\":\"ORAL\",\"dose\":%d,\"unit\":\"mg\",\"timesPerDay\":%d,\"prn\":%s}"
                .formatted(drug, dose, timesPerDay, prn);
    }

    String get(String path) throws Exception {
        return send("GET", path, null, 200);
    }

    private String send(String method, String path, String body, int expected) throws Exception {
        return send(bearer, method, path, body, expected);
    }

    /** Sends one request; a 429 is retried after Retry-After, any other unexpected status stops the run. */
    private String send(String bearer, String method, String path, String body, int expected) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", bearer).header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            REQUESTS.incrementAndGet();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 && attempt < 20) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, wait)).toMillis());
                continue;
            }
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }
    }

    private static void report(List<Outcome> outcomes, int patients, long seed, String cohortStats) {
        long truePositive = outcomes.stream().filter(o -> o.trajectory().refractory && o.detected()).count();
        long falseNegative = outcomes.stream().filter(o -> o.trajectory().refractory && !o.detected()).count();
        long falsePositive = outcomes.stream().filter(o -> !o.trajectory().refractory && o.detected()).count();
        long trueNegative = outcomes.stream().filter(o -> !o.trajectory().refractory && !o.detected()).count();
        System.out.printf(Locale.ROOT, "simulate-cohort: %d patients, seed %d%n%n", patients, seed);
        System.out.printf(Locale.ROOT, "%-26s %10s %14s%n", "ground truth \\ REF-01", "flagged", "not flagged");
        System.out.printf(Locale.ROOT, "%-26s %10d %14d%n", "refractory", truePositive, falseNegative);
        System.out.printf(Locale.ROOT, "%-26s %10d %14d%n%n", "not refractory", falsePositive, trueNegative);
        System.out.printf(Locale.ROOT, "sensitivity %.3f   specificity %.3f%n",
                ratio(truePositive, truePositive + falseNegative), ratio(trueNegative, trueNegative + falsePositive));
        System.out.printf(Locale.ROOT, "refractory fraction of the simulated cohort %.3f (flagged) vs %.3f (truth);"
                        + " expected range [0.10, 0.20]%n%n", ratio(truePositive + falsePositive, patients),
                ratio(truePositive + falseNegative, patients));
        Map<Trajectory, long[]> byTrajectory = new EnumMap<>(Trajectory.class);
        outcomes.forEach(o -> {
            long[] counts = byTrajectory.computeIfAbsent(o.trajectory(), t -> new long[2]);
            counts[0]++;
            counts[1] += o.detected() ? 1 : 0;
        });
        System.out.printf(Locale.ROOT, "%-38s %6s %8s %s%n", "trajectory", "n", "flagged", "truth");
        byTrajectory.forEach((t, counts) -> System.out.printf(Locale.ROOT, "%-38s %6d %8d %s%n", t, counts[0], counts[1],
                t.refractory ? "refractory" : "not refractory"));
        System.out.println();
        System.out.println("GET /api/v1/stats/cohort (the whole database): " + cohortStats);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** An admin token signed with the service's development key (data/keys/private.pem), as scripts/dev-token does. */
    static String devToken(Path privateKey) throws Exception {
        String pem = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long issuedAt = Instant.now().getEpochSecond();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"iss\":\"https://painladder.local/dev\",\"aud\":\"painladder\","
                + "\"sub\":\"simulate-cohort\",\"upn\":\"simulate-cohort\",\"groups\":[\"admin\"],\"iat\":" + issuedAt
                + ",\"exp\":" + (issuedAt + 4 * 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + base64.encodeToString(signature.sign());
    }
}
