package org.painladder.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Regenerates the README's screenshot, docs/images/patient-page.png: the page of DEMO-0001 (90 days of scores from
 * scripts/demo) at 1280×900 as a clinician sees it. Runs only when asked:
 * {@code ./mvnw test -Dtest=PatientPageScreenshotTest -Dscreenshot.update=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "screenshot.update", matches = "true")
class PatientPageScreenshotTest {

    static final Path README_SCREENSHOT = Path.of("docs/images/patient-page.png");
    static final long MAX_BYTES = 300 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void patientPageOfTheDemoCohort() throws IOException {
        DemoCohort.load(base, 20);
        String patientId = as("clinician").get("/api/v1/patients?mrn=DEMO-0001").then().statusCode(200)
                .extract().path("items[0].id");
        try (Chromium chromium = Chromium.start()) {
            chromium.driver.get(base + "ui/sign-in");
            chromium.driver.findElement(By.cssSelector("label[for='user-clinician']")).click();
            chromium.driver.findElement(By.id("sign-in")).click();
            chromium.driver.get(base + "ui/patients/" + patientId);
            chromium.waiting().until(ExpectedConditions.attributeToBe(By.id("pain-chart"), "data-rendered", "true"));
            BufferedImage shot = ImageIO.read(chromium.screenshot("readme-patient-page").toFile());
            writeSmallestPng(shot, README_SCREENSHOT);
        }
        long size = Files.size(README_SCREENSHOT);
        assertTrue(size < MAX_BYTES, README_SCREENSHOT + " is " + size + " bytes, over the README's budget");
    }

    /** Opaque RGB at the strongest deflate level: a screenshot has no transparency to keep. */
    private static void writeSmallestPng(BufferedImage shot, Path target) throws IOException {
        BufferedImage opaque = new BufferedImage(shot.getWidth(), shot.getHeight(), BufferedImage.TYPE_INT_RGB);
        opaque.createGraphics().drawImage(shot, 0, 0, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.0f);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(opaque, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
