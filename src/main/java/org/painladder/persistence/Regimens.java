package org.painladder.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;
import org.painladder.domain.regimen.Contribution;
import org.painladder.domain.regimen.DatedRegimen;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.Omedd;
import org.painladder.domain.regimen.ProposedItem;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.Regimen;
import org.painladder.domain.regimen.RegimenEvaluation;
import org.painladder.domain.regimen.RegimenItem;
import org.painladder.domain.regimen.RegimenWarning;
import org.painladder.domain.regimen.Validated;

/** Each patient's regimen versions, newest first; every query is keyed by patient. */
@ApplicationScoped
public class Regimens {

    private static final TypeReference<List<Contribution>> CONTRIBUTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<RegimenWarning>> WARNINGS = new TypeReference<>() {
    };

    /** A regimen with its items in one statement (a regimen without items still comes back, once). */
    private static final String WITH_ITEMS =
            "select r, i from RegimenEntity r left join RegimenItemEntity i on i.regimenId = r.id";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Formulary formulary;
    /**
     * The regimens each recently evaluated patient had in force over a look-back, with the current regimen they end
     * in. Regimen rows never change, and a new version always becomes the current one, which the live state names: so
     * while the locked live state names the same current regimen, a later look-back is a suffix of the remembered one
     * and needs no query; a new version, recorded by any replica, makes it a query again.
     */
    private final Cache<UUID, Stretch> stretches;

    Regimens(EntityManager entityManager, ObjectMapper objectMapper, Formulary formulary,
             @ConfigProperty(name = "painladder.regimens.remembered-patients") long rememberedPatients) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.formulary = formulary;
        this.stretches = rememberedPatients == 0 ? null
                : Caffeine.newBuilder().maximumSize(rememberedPatients).build();
    }

    /** The regimens in force since {@code from}, as {@link #recordedInForceSince} gives them: the current one last. */
    private record Stretch(Instant from, List<RecordedRegimen> regimens) {

        RecordedRegimen current() {
            return regimens.get(regimens.size() - 1);
        }

        boolean endsIn(UUID regimenId) {
            return current().id().equals(regimenId);
        }

        /**
         * The same look-back from {@code later}: the regimens that took effect after it stay, with the one in force
         * at it, the last to have taken effect at or before it (versions take effect in order).
         */
        List<RecordedRegimen> since(Instant later) {
            int first = 0;
            while (first + 1 < regimens.size() && !regimens.get(first + 1).effectiveAt().isAfter(later)) {
                first++;
            }
            return regimens.subList(first, regimens.size());
        }
    }

    public RecordedRegimen insert(RecordedRegimen recorded) {
        RegimenEntity regimen = new RegimenEntity();
        regimen.id = recorded.id();
        regimen.patientId = recorded.patientId();
        regimen.version = recorded.version();
        regimen.effectiveAt = recorded.effectiveAt();
        regimen.recordedAt = recorded.recordedAt();
        regimen.changedBy = recorded.changedBy();
        regimen.recordedBy = recorded.recordedBy();
        regimen.reason = recorded.reason();
        RegimenEvaluation evaluation = recorded.evaluation();
        regimen.ladderStep = evaluation.ladderStep();
        regimen.omeddMg = evaluation.omedd().scheduledMg();
        regimen.prnOmeddMg = evaluation.omedd().prnMg();
        regimen.factorsUsed = evaluation.factorsUsed();
        regimen.contributionsJson = json(evaluation.omedd().contributions());
        regimen.warningsJson = json(evaluation.warnings());
        entityManager.persist(regimen);
        List<RegimenItem> items = recorded.regimen().items();
        for (int index = 0; index < items.size(); index++) {
            RegimenItem item = items.get(index);
            RegimenItemEntity row = new RegimenItemEntity();
            row.id = UUID.randomUUID();
            row.regimenId = recorded.id();
            row.itemIndex = index;
            row.drug = item.drug().code();
            row.route = item.route().name();
            row.dose = item.dose();
            row.unit = item.unit().symbol();
            row.timesPerDay = item.mode().dosedByTimesPerDay() ? item.timesPerDay() : null;
            row.prn = item.prn();
            row.mode = item.mode().name();
            row.ratePerHour = item.ratePerHour();
            row.bolusDose = item.bolusDose();
            row.lockoutMinutes = item.lockoutMinutes();
            row.maxDosePer4h = item.maxDosePer4h();
            entityManager.persist(row);
        }
        entityManager.flush();
        // The caller holds the live-state row locked, so the current regimen moves on with the state.
        entityManager.find(PatientStateEntity.class, recorded.patientId()).currentRegimenId = recorded.id();
        return recorded;
    }

    /**
     * The regimen in force: the patient's highest version, with its items in one statement. The live state, which
     * every caller has read already, names it; when it names none there is none, and when it names the one that ends
     * a remembered stretch, that one is answered without a query. A queried one is remembered as a stretch from its
     * own effectiveAt: versions take effect in order, so it is the regimen in force at any later time.
     */
    public Optional<RecordedRegimen> current(UUID patientId) {
        PatientStateEntity state = stretches == null ? null : entityManager.find(PatientStateEntity.class, patientId);
        if (state != null) {
            if (state.currentRegimenId == null) {
                return Optional.empty();
            }
            Stretch remembered = stretches.getIfPresent(patientId);
            if (remembered != null && remembered.endsIn(state.currentRegimenId)) {
                return Optional.of(remembered.current());
            }
        }
        Optional<RecordedRegimen> current = withItems(entityManager.createQuery(WITH_ITEMS + " where r.patientId ="
                        + " :patientId and r.version = (select max(o.version) from RegimenEntity o"
                        + " where o.patientId = :patientId) order by i.itemIndex", Object[].class)
                .setParameter("patientId", patientId)).stream().findFirst();
        if (stretches != null) {
            current.ifPresent(regimen -> stretches.asMap().merge(patientId,
                    new Stretch(regimen.effectiveAt(), List.of(regimen)),
                    (remembered, queried) -> remembered.endsIn(regimen.id()) ? remembered : queried));
        }
        return current;
    }

    /** Whose regimen version this is, when it is one. */
    public Optional<UUID> patientOf(UUID regimenId) {
        return entityManager.createQuery("select r.patientId from RegimenEntity r where r.id = :id", UUID.class)
                .setParameter("id", regimenId).getResultStream().findFirst();
    }

    public Page<RecordedRegimen> history(UUID patientId, int page, int size) {
        long total = entityManager.createQuery("select count(r) from RegimenEntity r where r.patientId = :patientId",
                Long.class).setParameter("patientId", patientId).getSingleResult();
        List<RegimenEntity> rows = entityManager.createQuery(
                        "from RegimenEntity where patientId = :patientId order by version desc", RegimenEntity.class)
                .setParameter("patientId", patientId).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(toRecorded(rows), page, size, total);
    }

    /** The regimen in force at {@code from} and every later one, to judge what the patient took since then. */
    public List<DatedRegimen> inForceSince(UUID patientId, Instant from) {
        return recordedInForceSince(patientId, from).stream()
                .map(recorded -> new DatedRegimen(recorded.effectiveAt(), recorded.regimen())).toList();
    }

    /**
     * The regimen in force at {@code from} first, then every one that took effect later, by version, with their
     * items, in one statement. The current regimen (the highest version) is always among them: it took effect
     * either later or before {@code from}, and then it is the one in force at {@code from}.
     */
    public List<RecordedRegimen> recordedInForceSince(UUID patientId, Instant from) {
        PatientStateEntity state = entityManager.find(PatientStateEntity.class, patientId);
        if (stretches == null || state == null) {
            return queryInForceSince(patientId, from);
        }
        return inForceSince(patientId, state.currentRegimenId, from, null);
    }

    /**
     * The current regimen of the stretch remembered for the patient when that stretch reaches back to {@code from},
     * else null: a snapshot read alongside the live state skips the regimens while the state still names this one.
     */
    UUID rememberedCurrent(UUID patientId, Instant from) {
        Stretch remembered = stretches == null ? null : stretches.getIfPresent(patientId);
        return remembered == null || from.isBefore(remembered.from()) ? null : remembered.current().id();
    }

    /**
     * {@link #recordedInForceSince} once the live state's current regimen is known.
     *
     * @param read the stretch a snapshot read with the live state, or null when none was read
     */
    List<RecordedRegimen> inForceSince(UUID patientId, UUID currentRegimenId, Instant from,
                                       List<RecordedRegimen> read) {
        if (currentRegimenId == null) {
            return List.of();
        }
        Stretch remembered = stretches == null ? null : stretches.getIfPresent(patientId);
        if (remembered != null && remembered.endsIn(currentRegimenId) && !from.isBefore(remembered.from())) {
            return remembered.since(from);
        }
        List<RecordedRegimen> stretch = read != null ? read : queryInForceSince(patientId, from);
        if (stretches != null && !stretch.isEmpty()
                && stretch.get(stretch.size() - 1).id().equals(currentRegimenId)) {
            stretches.put(patientId, new Stretch(from, List.copyOf(stretch)));
        }
        return stretch;
    }

    List<RecordedRegimen> queryInForceSince(UUID patientId, Instant from) {
        List<RecordedRegimen> inForceAtFrom = new ArrayList<>();
        List<RecordedRegimen> later = new ArrayList<>();
        withItems(entityManager.createQuery(WITH_ITEMS + " where r.patientId = :patientId and (r.effectiveAt > :from"
                        + " or r.version = (select max(o.version) from RegimenEntity o where o.patientId = :patientId"
                        + " and o.effectiveAt <= :from)) order by r.version, i.itemIndex", Object[].class)
                .setParameter("patientId", patientId).setParameter("from", from))
                .forEach(recorded -> (recorded.effectiveAt().isAfter(from) ? later : inForceAtFrom).add(recorded));
        inForceAtFrom.addAll(later);
        return inForceAtFrom;
    }

    /**
     * Rows of {@link #WITH_ITEMS}, one per item, folded back into regimens in the order the query gave them. Loaded
     * read-only: regimen rows never change, so an ingest that reads them neither snapshots nor dirty-checks them.
     */
    private List<RecordedRegimen> withItems(TypedQuery<Object[]> query) {
        return folded(query.setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream());
    }

    /** Pairs of a regimen and one of its items (null for a regimen without), folded into regimens in their order. */
    private List<RecordedRegimen> folded(Stream<Object[]> regimenAndItem) {
        Map<UUID, RegimenEntity> regimens = new LinkedHashMap<>();
        Map<UUID, List<RegimenItemEntity>> items = new HashMap<>();
        regimenAndItem.forEach(pair -> {
            RegimenEntity regimen = (RegimenEntity) pair[0];
            regimens.putIfAbsent(regimen.id, regimen);
            List<RegimenItemEntity> itemsOf = items.computeIfAbsent(regimen.id, id -> new ArrayList<>());
            if (pair[1] != null) {
                itemsOf.add((RegimenItemEntity) pair[1]);
            }
        });
        return regimens.values().stream().map(regimen -> toRecorded(regimen, items.get(regimen.id))).toList();
    }

    /** A regimen's columns, then one of its items' (null without items), as {@link #fromColumns} reads them. */
    static final String REGIMEN_AND_ITEM_COLUMNS = "r.id, r.version, r.effective_at, r.recorded_at, r.changed_by,"
            + " r.reason, r.ladder_step, r.omedd_mg, r.prn_omedd_mg, r.factors_used, r.contributions_json,"
            + " r.warnings_json, i.id, i.item_index, i.drug, i.route, i.dose, i.unit, i.times_per_day, i.prn, i.mode,"
            + " i.rate_per_hour, i.bolus_dose, i.lockout_minutes, i.max_dose_per_4h, r.recorded_by";
    static final Class<?>[] REGIMEN_AND_ITEM_TYPES = {UUID.class, Integer.class, Instant.class, Instant.class,
            String.class, String.class, Integer.class, BigDecimal.class, BigDecimal.class, String.class, String.class,
            String.class, UUID.class, Integer.class, String.class, String.class, BigDecimal.class, String.class,
            Integer.class, Boolean.class, String.class, BigDecimal.class, BigDecimal.class, Integer.class,
            BigDecimal.class, String.class};

    /**
     * A patient's regimens from rows of {@link #REGIMEN_AND_ITEM_COLUMNS}, one per item, in the order the rows
     * came.
     */
    List<RecordedRegimen> fromColumns(UUID patientId, List<Object[]> rows) {
        return folded(rows.stream().map(row -> new Object[] {regimenOf(patientId, row),
                row[12] == null ? null : itemOf((UUID) row[0], row)}));
    }

    private static RegimenEntity regimenOf(UUID patientId, Object[] row) {
        RegimenEntity regimen = new RegimenEntity();
        regimen.id = (UUID) row[0];
        regimen.patientId = patientId;
        regimen.version = (Integer) row[1];
        regimen.effectiveAt = (Instant) row[2];
        regimen.recordedAt = (Instant) row[3];
        regimen.changedBy = (String) row[4];
        regimen.reason = (String) row[5];
        regimen.ladderStep = (Integer) row[6];
        regimen.omeddMg = (BigDecimal) row[7];
        regimen.prnOmeddMg = (BigDecimal) row[8];
        regimen.factorsUsed = (String) row[9];
        regimen.contributionsJson = (String) row[10];
        regimen.warningsJson = (String) row[11];
        regimen.recordedBy = (String) row[25];
        return regimen;
    }

    private static RegimenItemEntity itemOf(UUID regimenId, Object[] row) {
        RegimenItemEntity item = new RegimenItemEntity();
        item.id = (UUID) row[12];
        item.regimenId = regimenId;
        item.itemIndex = (Integer) row[13];
        item.drug = (String) row[14];
        item.route = (String) row[15];
        item.dose = (BigDecimal) row[16];
        item.unit = (String) row[17];
        item.timesPerDay = (Integer) row[18];
        item.prn = (Boolean) row[19];
        item.mode = (String) row[20];
        item.ratePerHour = (BigDecimal) row[21];
        item.bolusDose = (BigDecimal) row[22];
        item.lockoutMinutes = (Integer) row[23];
        item.maxDosePer4h = (BigDecimal) row[24];
        return item;
    }

    private List<RecordedRegimen> toRecorded(List<RegimenEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RegimenItemEntity>> items = entityManager.createQuery(
                        "from RegimenItemEntity where regimenId in :ids order by itemIndex", RegimenItemEntity.class)
                .setParameter("ids", rows.stream().map(row -> row.id).toList())
                .getResultStream()
                .collect(Collectors.groupingBy(item -> item.regimenId));
        return rows.stream().map(row -> toRecorded(row, items.getOrDefault(row.id, List.of()))).toList();
    }

    private RecordedRegimen toRecorded(RegimenEntity row, List<RegimenItemEntity> items) {
        List<ProposedItem> stored = items.stream().map(item -> new ProposedItem(item.drug, item.route, item.dose,
                item.unit, item.timesPerDay, item.prn, item.mode, item.ratePerHour, item.bolusDose,
                item.lockoutMinutes, item.maxDosePer4h)).toList();
        Validated<Regimen> regimen = Regimen.check(stored, formulary);
        if (!(regimen instanceof Validated.Valid<Regimen> valid)) {
            throw new IllegalStateException("stored regimen " + row.id + " no longer fits the formulary: " + regimen);
        }
        Omedd omedd = new Omedd(row.omeddMg, row.prnOmeddMg, read(row.contributionsJson, CONTRIBUTIONS),
                row.factorsUsed);
        RegimenEvaluation evaluation = new RegimenEvaluation(row.ladderStep, omedd, read(row.warningsJson, WARNINGS),
                row.factorsUsed);
        return new RecordedRegimen(row.id, row.patientId, row.version, row.effectiveAt, row.recordedAt,
                row.changedBy, row.recordedBy, row.reason, valid.value(), evaluation);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException(corrupt);
        }
    }
}
