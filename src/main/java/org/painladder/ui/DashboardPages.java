package org.painladder.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.painladder.app.ReadingPainStory.PainStory;
import org.painladder.app.ReadingRefractoryCases.CaseView;
import org.painladder.domain.refractory.CohortStats;
import org.painladder.persistence.Page;

/** The dashboard's pages, type-checked against what each is given when the build runs. */
@CheckedTemplate(basePath = "dashboard")
final class DashboardPages {

    private DashboardPages() {
    }

    static native TemplateInstance worklist(Viewer viewer, Page<CaseView> cases, WorklistFilters filters,
                                            String notice);

    static native TemplateInstance patient(Viewer viewer, PainStory story, String chartData, String notice);

    static native TemplateInstance cohort(Viewer viewer, CohortStats stats, String chartData);

    /** A form's action that was refused, with what to do next; answered with the refusal's own status. */
    static native TemplateInstance refused(Viewer viewer, String title, String detail, String backTo);

    static native TemplateInstance signIn(List<String> developmentUsers, boolean failed);
}
