package org.painladder.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The refractory thresholds under {@code painladder.rules} (clinical-rules §6.2), with their §6.2 defaults. */
@ConfigMapping(prefix = "painladder.rules")
public interface RefractoryRulesConfig {

    @WithDefault("14")
    int refractoryMinDaysOnStep3();

    @WithDefault("200")
    int refractoryOmeddThresholdMg();

    @WithDefault("2")
    int refractoryMinStrongOpioids();

    @WithDefault("3")
    int refractoryBtpPerDay();

    @WithDefault("3")
    int itPumpMinLifeExpectancyMonths();

    @WithDefault("7")
    int acuteCauseSuppressionDays();

    @WithDefault("2")
    int minScoresForPersistence();

    @WithDefault("4")
    int minSpacingHours();

    /** REF-02: days of controlled pain after which closing the case is suggested. */
    @WithDefault("7")
    int controlledDaysToSuggestClosing();
}
