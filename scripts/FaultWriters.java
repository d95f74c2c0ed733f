import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load and the check of scripts/fault-test (JDK 17+, no dependencies, loopback only).
 *
 * <pre>
 * java scripts/FaultWriters.java write  BASE TOKEN_FILE ACK_FILE WRITERS MAX_SECONDS STOP_FILE TAG
 * java scripts/FaultWriters.java verify BASE TOKEN_FILE ACK_FILE
 * </pre>
 *
 * {@code write} runs WRITERS threads, each registering a patient and then posting pain assessments for it, until
 * MAX_SECONDS have passed or STOP_FILE exists. Every answer is classified; each acknowledged (2xx) id is appended to
 * ACK_FILE at once ({@code P id mrn}, {@code A patientId assessmentId externalId recordedAt value}), and each request
 * whose fate is unknown (the connection broke, the client timed out, 5xx) as in doubt ({@code P? mrn},
 * {@code A? patientId externalId recordedAt value}). It prints one {@code WRITE key=value ...} line of figures.
 *
 * {@code verify}, run after the service is back, reads every acknowledged id (a 404 is a lost write), retries every
 * in-doubt assessment once with the same externalId as an EHR would (200 or 201 expected, the same row either way),
 * and lists each patient's timeline to find any externalId or id stored twice. It prints one {@code VERIFY ...} line
 * and exits 1 when anything acknowledged was lost or duplicated.
 */
public class FaultWriters {

    static final Pattern PATIENT_LOCATION = Pattern.compile("/patients/([0-9a-f-]{36})$");
    static final Pattern ASSESSMENT_LOCATION = Pattern.compile("/pain-assessments/([0-9a-f-]{36})$");
    static final Pattern TIMELINE_ITEM = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*?\"externalId\"\\s*:\\s*\"([^\"]+)\"");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    static final int ASSESSMENTS_PER_PATIENT = 8;

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("write") && args.length == 8) {
            write(args[1], token(args[2]), Path.of(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Path.of(args[6]), args[7]);
        } else if (args.length == 4 && args[0].equals("verify")) {
            System.exit(verify(args[1], token(args[2]), Path.of(args[3])) ? 0 : 1);
        } else {
            System.err.println("usage: FaultWriters write BASE TOKEN_FILE ACK_FILE WRITERS MAX_SECONDS STOP_FILE TAG\n"
                    + "       FaultWriters verify BASE TOKEN_FILE ACK_FILE");
            System.exit(2);
        }
    }

    static String token(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        return lines.get(lines.size() - 1).trim();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** What one answer was, as the figures count it. */
    enum Outcome { ACKED, UNAVAILABLE_503, UNAVAILABLE_503_MALFORMED, REFUSED, BROKEN, TIMED_OUT, SERVER_ERROR, OTHER }

    static final class Figures {
        final Map<Outcome, AtomicLong> counts = new LinkedHashMap<>();
        final AtomicLong maxMillis = new AtomicLong();
        final AtomicLong maxMillisNotAcked = new AtomicLong();

        Figures() {
            for (Outcome outcome : Outcome.values()) {
                counts.put(outcome, new AtomicLong());
            }
        }

        void count(Outcome outcome, long millis) {
            counts.get(outcome).incrementAndGet();
            maxMillis.accumulateAndGet(millis, Math::max);
            if (outcome != Outcome.ACKED) {
                maxMillisNotAcked.accumulateAndGet(millis, Math::max);
            }
        }
    }

    record Answer(Outcome outcome, int status, String location, String body) {
    }

    static Answer send(HttpClient client, HttpRequest request, Figures figures) throws InterruptedException {
        long start = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse("");
            Outcome outcome;
            if (status >= 200 && status < 300) {
                outcome = Outcome.ACKED;
            } else if (status == 503) {
                boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        && response.headers().firstValue("Retry-After").isPresent();
                outcome = problem ? Outcome.UNAVAILABLE_503 : Outcome.UNAVAILABLE_503_MALFORMED;
            } else if (status >= 500) {
                outcome = Outcome.SERVER_ERROR;
            } else {
                outcome = Outcome.OTHER;
            }
            answer = new Answer(outcome, status, location, response.body());
        } catch (ConnectException refused) {
            answer = new Answer(Outcome.REFUSED, 0, "", "");
        } catch (HttpTimeoutException timedOut) {
            answer = new Answer(Outcome.TIMED_OUT, 0, "", "");
        } catch (IOException broken) {
            answer = new Answer(broken.getCause() instanceof ConnectException ? Outcome.REFUSED : Outcome.BROKEN, 0, "", "");
        }
        figures.count(answer.outcome(), (System.nanoTime() - start) / 1_000_000);
        return answer;
    }

    static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
    }

    static String patientJson(String mrn) {
        return "{\"mrn\":\"" + mrn + "\",\"birthYear\":1956,\"sex\":\"female\",\"diagnosis\":{\"icd10\":\"C50.9\","
                + "\"primarySite\":\"BREAST\",\"metastatic\":true,\"boneMetastases\":true},\"lifeExpectancyMonths\":9}";
    }

    static String assessmentJson(String externalId, String recordedAt, int value) {
        return "{\"externalId\":\"" + externalId + "\",\"recordedAt\":\"" + recordedAt + "\",\"scale\":\"NRS\",\"value\":"
                + value + ",\"kind\":\"BACKGROUND\",\"site\":\"BACK_LOW\",\"mechanism\":\"NOCICEPTIVE_SOMATIC\","
                + "\"course\":\"CHRONIC\",\"breakthroughEpisodes24h\":1,\"source\":\"EHR\"}";
    }

    static void write(String base, String token, Path ackFile, int writers, int maxSeconds, Path stopFile, String tag)
            throws Exception {
        Figures figures = new Figures();
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        try (PrintWriter acks = new PrintWriter(Files.newBufferedWriter(ackFile, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    try {
                        writeLoop(base, token, acks, writer, deadline, stopFile, tag, figures);
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        StringBuilder line = new StringBuilder("WRITE");
        figures.counts.forEach((outcome, count) -> line.append(' ').append(outcome.name().toLowerCase()).append('=').append(count));
        line.append(" max_ms=").append(figures.maxMillis).append(" max_ms_not_acked=").append(figures.maxMillisNotAcked);
        System.out.println(line);
    }

    static void writeLoop(String base, String token, PrintWriter acks, int writer, long deadline, Path stopFile,
                          String tag, Figures figures) throws InterruptedException {
        HttpClient client = client();
        int patientNumber = 0;
        while (System.nanoTime() < deadline && !Files.exists(stopFile)) {
            String mrn = "FT-" + tag + "-" + writer + "-" + patientNumber++;
            Answer registered = send(client, post(base + "/api/v1/patients", token, patientJson(mrn)), figures);
            Matcher patient = PATIENT_LOCATION.matcher(registered.location());
            if (registered.outcome() != Outcome.ACKED || !patient.find()) {
                if (isInDoubt(registered.outcome())) {
                    record(acks, "P? " + mrn);
                }
                pause(registered.outcome());
                continue;
            }
            String patientId = patient.group(1);
            record(acks, "P " + patientId + " " + mrn);
            Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(ASSESSMENTS_PER_PATIENT * 4));
            for (int k = 0; k < ASSESSMENTS_PER_PATIENT && System.nanoTime() < deadline && !Files.exists(stopFile); k++) {
                String externalId = mrn + "-obs-" + k;
                String recordedAt = first.plus(Duration.ofHours(4L * k)).toString();
                int value = (writer + k) % 11;
                Answer recorded = send(client, post(base + "/api/v1/patients/" + patientId + "/pain-assessments", token,
                        assessmentJson(externalId, recordedAt, value)), figures);
                Matcher assessment = ASSESSMENT_LOCATION.matcher(recorded.location());
                if (recorded.outcome() == Outcome.ACKED && assessment.find()) {
                    record(acks, "A " + patientId + " " + assessment.group(1) + " " + externalId + " " + recordedAt + " " + value);
                } else {
                    if (isInDoubt(recorded.outcome())) {
                        record(acks, "A? " + patientId + " " + externalId + " " + recordedAt + " " + value);
                    }
                    pause(recorded.outcome());
                }
            }
        }
    }

    /** A request that may or may not have been carried out: the answer never came, or it was a server failure. */
    static boolean isInDoubt(Outcome outcome) {
        return outcome == Outcome.BROKEN || outcome == Outcome.TIMED_OUT || outcome == Outcome.SERVER_ERROR
                || outcome == Outcome.UNAVAILABLE_503 || outcome == Outcome.UNAVAILABLE_503_MALFORMED;
    }

    /** After a failure, back off briefly instead of spinning on a dead port. */
    static void pause(Outcome outcome) throws InterruptedException {
        Thread.sleep(outcome == Outcome.REFUSED ? 100 : 20);
    }

    static void record(PrintWriter acks, String line) {
        synchronized (acks) {
            acks.println(line);
            acks.flush();
        }
    }

    static boolean verify(String base, String token, Path ackFile) throws Exception {
        HttpClient client = client();
        Figures figures = new Figures();
        Map<String, String> patients = new LinkedHashMap<>();
        Map<String, List<String[]>> assessmentsByPatient = new LinkedHashMap<>();
        List<String> doubtfulPatients = new ArrayList<>();
        List<String[]> doubtfulAssessments = new ArrayList<>();
        long ackedPatients = 0;
        long ackedAssessments = 0;
        long duplicateAcks = 0;
        Set<String> ackedIds = new HashSet<>();
        for (String line : Files.readAllLines(ackFile)) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "P" -> {
                    ackedPatients++;
                    duplicateAcks += ackedIds.add(f[1]) ? 0 : 1;
                    patients.put(f[1], f[2]);
                }
                case "A" -> {
                    ackedAssessments++;
                    duplicateAcks += ackedIds.add(f[2]) ? 0 : 1;
                    assessmentsByPatient.computeIfAbsent(f[1], p -> new ArrayList<>()).add(f);
                }
                case "P?" -> doubtfulPatients.add(f[1]);
                case "A?" -> doubtfulAssessments.add(f);
                default -> throw new IllegalStateException("unreadable line in " + ackFile + ": " + line);
            }
        }

        long lostPatients = 0;
        for (String patientId : patients.keySet()) {
            Answer answer = send(client, get(base + "/api/v1/patients/" + patientId, token), figures);
            if (answer.status() != 200) {
                lostPatients++;
                System.out.println("LOST patient " + patientId + " (" + patients.get(patientId) + "): HTTP " + answer.status());
            }
        }
        long lostAssessments = 0;
        for (List<String[]> list : assessmentsByPatient.values()) {
            for (String[] a : list) {
                Answer answer = send(client, get(base + "/api/v1/patients/" + a[1] + "/pain-assessments/" + a[2], token), figures);
                if (answer.status() != 200) {
                    lostAssessments++;
                    System.out.println("LOST assessment " + a[2] + " (" + a[3] + "): HTTP " + answer.status());
                }
            }
        }

        long doubtfulPatientsStored = 0;
        for (String mrn : doubtfulPatients) {
            Answer answer = send(client, get(base + "/api/v1/patients?mrn=" + mrn, token), figures);
            doubtfulPatientsStored += answer.body().contains("\"" + mrn + "\"") ? 1 : 0;
        }
        long retriedOk = 0;
        long retryFailed = 0;
        for (String[] a : doubtfulAssessments) {
            Answer answer = send(client, post(base + "/api/v1/patients/" + a[1] + "/pain-assessments", token,
                    assessmentJson(a[2], a[3], Integer.parseInt(a[4]))), figures);
            if (answer.status() == 200 || answer.status() == 201) {
                retriedOk++;
            } else {
                retryFailed++;
                System.out.println("RETRY of in-doubt assessment " + a[2] + " answered HTTP " + answer.status() + ": " + answer.body());
            }
        }

        long duplicatedRows = 0;
        Set<String> timelinePatients = new HashSet<>(patients.keySet());
        timelinePatients.addAll(assessmentsByPatient.keySet());
        for (String patientId : timelinePatients) {
            Answer answer = send(client, get(base + "/api/v1/patients/" + patientId + "/pain-assessments?page=0&size=200", token), figures);
            Map<String, Integer> byExternalId = new HashMap<>();
            Set<String> ids = new HashSet<>();
            Matcher item = TIMELINE_ITEM.matcher(answer.body());
            while (item.find()) {
                duplicatedRows += ids.add(item.group(1)) ? 0 : 1;
                byExternalId.merge(item.group(2), 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> entry : byExternalId.entrySet()) {
                if (entry.getValue() > 1) {
                    duplicatedRows += entry.getValue() - 1;
                    System.out.println("DUPLICATED externalId " + entry.getKey() + " stored " + entry.getValue() + " times");
                }
            }
        }
        long lost = lostPatients + lostAssessments;
        long duplicated = duplicatedRows + duplicateAcks;
        System.out.println("VERIFY acked_patients=" + ackedPatients + " acked_assessments=" + ackedAssessments
                + " lost_patients=" + lostPatients + " lost_assessments=" + lostAssessments + " duplicated=" + duplicated
                + " in_doubt_patients=" + doubtfulPatients.size() + " in_doubt_patients_stored=" + doubtfulPatientsStored
                + " in_doubt_assessments=" + doubtfulAssessments.size() + " in_doubt_retried_ok=" + retriedOk
                + " in_doubt_retry_failed=" + retryFailed);
        return lost == 0 && duplicated == 0 && retryFailed == 0;
    }
}
