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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 */
public class SimulateCohort {

    /** The trajectories, their share of the cohort (per mille) and whether they are refractory by construction. */
    enum Trajectory {
        STEP1_RESPONDER(150, false),
        STEP2_RESPONDER(180, false),
        STEP3_RESPONDER(200, false),
        LATE_RESPONDER(80, false),
        SHORT_STEP3_TRIAL(70, false),
        STILL_TITRATABLE(60, false),
        INFECTION_EPISODE(50, false),
        POSTOPERATIVE_EPISODE(40, false),
        NEUROPATHIC_WITHOUT_ADJUVANT(20, false),
        REFRACTORY_HIGH_OMEDD(70, true),
        REFRACTORY_ADVERSE_EFFECT_LIMITED(40, true),
        REFRACTORY_AFTER_ROTATION(30, true),
        REFRACTORY_BREAKTHROUGH(10, true),
        REFRACTORY_NEUROPATHIC_WITH_ADJUVANT(10, true);

        final int perMille;
        final boolean refractory;

        Trajectory(int perMille, boolean refractory) {
            this.perMille = perMille;
            this.refractory = refractory;
        }

        static Trajectory draw(Random random) {
            int total = 0;
            for (Trajectory t : values()) {
                total += t.perMille;
            }
            int pick = random.nextInt(total);
            for (Trajectory t : values()) {
                pick -= t.perMille;
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String bearer;
    private final long seed;
    /** Distinguishes this run's MRNs from an earlier run's with the same seed; it never changes the cohort. */
    private final String run;

    SimulateCohort(String baseUrl, String bearer, long seed, String run) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
        this.seed = seed;
        this.run = run;
    }

    static final List<String> OPTIONS = List.of("--base-url", "--patients", "--seed", "--threads", "--key", "--token");

    public static void main(String[] args) {
        Map<String, String> options = new java.util.HashMap<>(Map.of(
                "--base-url", System.getenv().getOrDefault("PAINLADDER_URL", "http://localhost:8080"),
                "--patients", "2000", "--seed", "20261130", "--threads", "8", "--key", defaultKey().toString()));
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                System.err.println("usage: scripts/simulate-cohort [--base-url URL] [--patients N] [--seed S]"
                        + " [--threads T] [--key PEM | --token JWT]   (" + args[i] + "?)");
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        try {
            simulate(options);
        } catch (Exception failure) {
            Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            System.err.println("simulate-cohort failed: " + describe(cause, options.get("--base-url")));
            System.exit(1);
        }
    }

    private static void simulate(Map<String, String> options) throws Exception {
        String baseUrl = options.get("--base-url").replaceAll("/+$", "");
        String token = options.containsKey("--token") ? options.get("--token") : devToken(Path.of(options.get("--key")));
        int patients = Integer.parseInt(options.get("--patients"));
        long seed = Long.parseLong(options.get("--seed"));
        SimulateCohort simulation = new SimulateCohort(baseUrl, "Bearer " + token, seed,
                Long.toString(System.currentTimeMillis(), 36));
        simulation.get("/api/v1/ladder/policy");
        ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(options.get("--threads")));
        List<Future<Outcome>> running = new ArrayList<>();
        for (int index = 0; index < patients; index++) {
            int patient = index;
            running.add(pool.submit(() -> simulation.replay(patient)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
        } finally {
            pool.shutdownNow();
        }
        report(outcomes, patients, seed, simulation.get("/api/v1/stats/cohort"));
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
            return "cannot reach " + baseUrl + "; start the service (./mvnw quarkus:dev) or pass --base-url /"
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
        Trajectory trajectory = Trajectory.draw(random);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        boolean neuropathic = trajectory == Trajectory.NEUROPATHIC_WITHOUT_ADJUVANT
                || trajectory == Trajectory.REFRACTORY_NEUROPATHIC_WITH_ADJUVANT;
        String patientId = register(index, random, trajectory);

        int step3Days = switch (trajectory) {
            case SHORT_STEP3_TRIAL -> 4 + random.nextInt(9);
            case STEP1_RESPONDER, STEP2_RESPONDER -> 0;
            default -> 15 + random.nextInt(26);
        };
        int omedd = switch (trajectory) {
            case STEP3_RESPONDER -> 40 + 20 * random.nextInt(5);
            case STILL_TITRATABLE, REFRACTORY_AFTER_ROTATION -> 100 + 10 * random.nextInt(9);
            case REFRACTORY_ADVERSE_EFFECT_LIMITED -> 80 + 10 * random.nextInt(8);
            case STEP1_RESPONDER, STEP2_RESPONDER -> 0;
            default -> 200 + 20 * random.nextInt(11);
        };
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

        for (int hoursAgo : CHARTED_HOURS_AGO) {
            Instant at = now.minus(Duration.ofHours(hoursAgo)).plusSeconds(random.nextInt(1800));
            boolean recent = hoursAgo < 72;
            String mechanism = neuropathic ? "NEUROPATHIC" : "NOCICEPTIVE_VISCERAL";
            boolean episodeTime = hoursAgo == 44 || hoursAgo == 30;
            switch (trajectory) {
                case INFECTION_EPISODE, POSTOPERATIVE_EPISODE -> {
                    String cause = trajectory == Trajectory.INFECTION_EPISODE ? "INFECTIOUS_INFLAMMATORY" : "POSTOPERATIVE";
                    if (episodeTime) {
                        postAcute(patientId, at, 7 + random.nextInt(3), cause);
                    } else {
                        postBackground(patientId, at, hoursAgo <= 16 ? 5 + random.nextInt(3) : random.nextInt(4),
                                mechanism, random.nextInt(3), null);
                    }
                }
                case REFRACTORY_BREAKTHROUGH -> postBackground(patientId, at, 2 + random.nextInt(2), mechanism,
                        recent ? 4 + random.nextInt(3) : random.nextInt(3), null);
                case REFRACTORY_ADVERSE_EFFECT_LIMITED -> postBackground(patientId, at, 5 + random.nextInt(3),
                        mechanism, random.nextInt(3), hoursAgo == 30 ? doseLimitingEffect(random) : null);
                case LATE_RESPONDER -> postBackground(patientId, at, recent ? random.nextInt(4) : 5 + random.nextInt(3),
                        mechanism, random.nextInt(3), null);
                default -> postBackground(patientId, at, uncontrolled(trajectory) ? 5 + random.nextInt(4)
                        : random.nextInt(4), mechanism, random.nextInt(3), null);
            }
        }
        String patient = get("/api/v1/patients/" + patientId);
        return new Outcome(trajectory, patient.contains("\"refractory\":true"));
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
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(send("POST", "/api/v1/patients", body, 201));
        if (!id.find()) {
            throw new IllegalStateException("no id in the registration answer for patient " + index + " (" + trajectory + ")");
        }
        return id.group(1);
    }

    private void putRegimen(String patientId, Instant effectiveAt, List<String> items, String reason) throws Exception {
        send("PUT", "/api/v1/patients/" + patientId + "/regimen", "{ \"items\": [" + String.join(",", items)
                + "], \"changedBy\": \"simulate-cohort\", \"reason\": \"" + reason + "\", \"effectiveAt\": \""
                + effectiveAt + "\" }", 200);
    }

    private void postBackground(String patientId, Instant at, int score, String mechanism, int episodes,
                                String adverseEffect) throws Exception {
        postAssessment(patientId, at, score, "CHRONIC", null, mechanism, episodes, adverseEffect);
    }

    private void postAcute(String patientId, Instant at, int score, String cause) throws Exception {
        postAssessment(patientId, at, score, "ACUTE", cause, "NOCICEPTIVE_SOMATIC", 1, null);
    }

    private void postAssessment(String patientId, Instant at, int score, String course, String cause, String mechanism,
                                int episodes, String adverseEffect) throws Exception {
        String body = """
                { "recordedAt": "%s", "scale": "NRS", "value": %d, "kind": "BACKGROUND", "site": "ABDOMEN_UPPER",
                  "mechanism": "%s", "course": "%s", "acuteCause": %s, "breakthroughEpisodes24h": %d,
                  "adverseEffects": [%s], "source": "EHR" }
                """.formatted(at, score, mechanism, course, cause == null ? "null" : "\"" + cause + "\"", episodes,
                adverseEffect == null ? "" : adverseEffect);
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

    /** Sends one request; a 429 is retried after Retry-After, any other unexpected status stops the run. */
    private String send(String method, String path, String body, int expected) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", bearer).header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
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
