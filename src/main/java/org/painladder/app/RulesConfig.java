package org.painladder.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.painladder.domain.pain.BandEdges;

/** The clinical thresholds under {@code painladder.rules}, translated once into plain domain values. */
@ConfigMapping(prefix = "painladder.rules")
public interface RulesConfig {

    /** Upper edge of the mild band (3, or 4 after Serlin 1995). */
    @WithDefault("3")
    int bandMildMax();

    @WithDefault("6")
    int bandModerateMax();

    /** Without a background score this recent, pain control is UNKNOWN (clinical-rules §6.1). */
    @WithDefault("72")
    int stalenessHours();

    default BandEdges bandEdges() {
        return new BandEdges(bandMildMax(), bandModerateMax());
    }

    default Duration staleness() {
        return Duration.ofHours(stalenessHours());
    }

    /** The MME factor profile: CDC_2022 (default), CDC_2016 or UK_PCF (clinical-rules §2.2, §2.3, §2.7). */
    @WithDefault("CDC_2022")
    String mmeFactorProfile();
}
