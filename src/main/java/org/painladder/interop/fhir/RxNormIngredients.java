package org.painladder.interop.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The RxNorm ingredient of each formulary drug, read from {@code formulary/rxnorm-ingredients.csv} (the table says
 * where each code comes from). Orders from an EHR name drugs by RxNorm; painladder names them by formulary code.
 */
public final class RxNormIngredients {

    public static final String SYSTEM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String TABLE = "formulary/rxnorm-ingredients.csv";

    /** One row of the table. */
    public record Ingredient(String formularyCode, String rxcui, String name, String source) {
    }

    private static final RxNormIngredients INSTANCE = load();

    private final Map<String, Ingredient> byFormularyCode;
    private final Map<String, Ingredient> byRxcui;

    private RxNormIngredients(Map<String, Ingredient> byFormularyCode, Map<String, Ingredient> byRxcui) {
        this.byFormularyCode = Collections.unmodifiableMap(byFormularyCode);
        this.byRxcui = Collections.unmodifiableMap(byRxcui);
    }

    public static RxNormIngredients table() {
        return INSTANCE;
    }

    public Optional<Ingredient> byRxcui(String rxcui) {
        return Optional.ofNullable(byRxcui.get(rxcui));
    }

    public Optional<Ingredient> byFormularyCode(String code) {
        return Optional.ofNullable(byFormularyCode.get(code));
    }

    public Map<String, Ingredient> all() {
        return byFormularyCode;
    }

    private static RxNormIngredients load() {
        Map<String, Ingredient> byCode = new LinkedHashMap<>();
        Map<String, Ingredient> byRxcui = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(RxNormIngredients.class.getClassLoader()
                .getResourceAsStream(TABLE), TABLE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                Ingredient ingredient = new Ingredient(cells[0].trim(), cells[1].trim(), cells[2].trim(),
                        cells[3].trim());
                if (byCode.put(ingredient.formularyCode(), ingredient) != null
                        || byRxcui.put(ingredient.rxcui(), ingredient) != null) {
                    throw new IllegalStateException(TABLE + " names " + ingredient.formularyCode() + " or RxCUI "
                            + ingredient.rxcui() + " twice");
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return new RxNormIngredients(byCode, byRxcui);
    }
}
