package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web page in a real headless Chromium against the real local pipeline, at a desktop's size
 * (1280x900) and a phone's (390x844, emulated as a mobile device, so a page too wide would be zoomed
 * out rather than scrolled): a chain built with the keyboard, a real photo, the results, failures in
 * plain words; on every screen, nothing wider than the phone and no WCAG 2 A/AA violation found by
 * axe-core (pinned in {@code local/web-src/package.json}, its {@code axe.min.js} a test resource).
 * Every wait is on a condition, bounded by {@link #WAIT}.
 */
class WebPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final String AXE = resource("dev/pixelstep/local/web/axe.min.js");

    @TempDir
    static Path data;
    @TempDir
    static Path scratch;
    private static WebStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        stack = WebStack.start(data);
        browser = Chromium.start(scratch.resolve("profile"), DESKTOP_WIDTH, DESKTOP_HEIGHT);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            stack.close();
        }
    }

    @AfterEach
    void desktop() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, DESKTOP_HEIGHT));
    }

    @Test
    void aPhotoWithAChainBuiltByKeyboardEndsInResultsThatCanBeCompared() throws Exception {
        Path photo = TestPhotos.jpeg();
        int[] size = TestPhotos.dimensions(photo);
        open();
        assertNoAccessibilityViolations("the empty form");
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        awaitTrue("preview shown", "return document.getElementById('preview').naturalWidth > 0");

        WebElement choice = browser.findElement(By.id("operation-choice"));
        addByKeyboard(choice, "grayscale");
        addByKeyboard(choice, "blur");
        WebElement radius = browser.switchTo().activeElement();
        assertEquals("radius", radius.getAttribute("data-parameter"), "focus moves to the new step's first parameter");
        radius.sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
        assertEquals("grayscale, blur(radius=4)", text("chain-text"));

        // Reorder and remove with the keyboard, then restore the chain.
        addByKeyboard(choice, "invert");
        browser.findElements(By.cssSelector("#steps .step-up")).get(2).sendKeys(Keys.ENTER);
        assertEquals("grayscale, invert, blur(radius=4)", text("chain-text"));
        browser.findElements(By.cssSelector("#steps .step-remove")).get(1).sendKeys(Keys.ENTER);
        assertEquals("grayscale, blur(radius=4)", text("chain-text"));
        assertNoAccessibilityViolations("the form with a chain");

        recordAnnouncementsAndPendingSteps();
        WebElement submit = browser.findElement(By.id("submit"));
        long started = System.nanoTime();
        submit.sendKeys(Keys.ENTER);
        awaitRunInViewAndFocused("desktop");
        awaitTrue("the run ended", "return document.getElementById('run').dataset.ended === 'true'");
        awaitTrue("every result shown", "const images = [...document.querySelectorAll('#results img')];"
                + " return images.length === 6 && images.every(i => i.complete && i.naturalWidth > 0)"
                + " && document.querySelectorAll('#histogram-charts svg.histogram-chart').length === 4");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("web page: %dx%d photo, 'grayscale, blur(radius=4)': %d ms from submit to every result shown%n",
                size[0], size[1], millis);

        assertEquals("SUCCEEDED", browser.findElement(By.id("run-status")).getAttribute("data-status"), text("run-error"));
        List<WebElement> grid = browser.findElements(By.cssSelector("#grid figure"));
        List<String> titles = grid.stream().map(f -> f.findElement(By.cssSelector("figcaption .figure-title")).getText()).toList();
        assertEquals(List.of("Original", "Combined"), titles);
        List<WebElement> independent = browser.findElements(By.cssSelector("#independent figure"));
        assertEquals(2, independent.size());
        assertTrue(independent.get(0).getText().contains("grayscale"), independent.get(0).getText());
        assertTrue(independent.get(1).getText().contains("blur") && independent.get(1).getText().contains("radius=4"),
                independent.get(1).getText());
        for (WebElement figure : browser.findElements(By.cssSelector("#results figure:has(img)"))) {
            WebElement download = figure.findElement(By.linkText("Download"));
            assertTrue(download.getAttribute("href").contains("download=1"), download.getAttribute("href"));
        }

        // Item 5: every tile is a display-sized preview made by the server; the original is one click away.
        List<?> tiles = (List<?>) script("return [...document.querySelectorAll('#results img')].map(i => [i.getAttribute('src'), i.naturalWidth, i.naturalHeight])");
        for (Object tile : tiles) {
            List<?> t = (List<?>) tile;
            assertTrue(String.valueOf(t.get(0)).contains("/preview"), "a preview: " + t);
            assertTrue(((Number) t.get(1)).intValue() <= Previews.LONG_SIDE && ((Number) t.get(2)).intValue() <= Previews.LONG_SIDE, t.toString());
        }

        long previewBytes = (Long) script("return performance.getEntriesByType('resource').filter(e => e.name.includes('/preview'))"
                + ".reduce((sum, e) => sum + e.encodedBodySize, 0)");
        long originalBytes = 0;
        JsonNode run = stack.json("/api/runs/" + browser.findElement(By.id("run")).getAttribute("data-run"));
        for (String image : List.of("original", "combined")) {
            originalBytes += stack.getBytes(run.path(image).path("url").asText()).body().length;
        }
        for (JsonNode item : run.path("independent")) {
            originalBytes += stack.getBytes(item.path("url").asText()).body().length;
        }
        System.out.printf("web page: the result view's images: %d KB of previews; the full-size images would be %d KB%n",
                previewBytes / 1024, originalBytes / 1024);

        // Item 3: one y scale for every chart, each with the original and the combined; the statistics as text.
        List<?> scales = (List<?>) script("return [...document.querySelectorAll('svg.histogram-chart')].map(c => c.getAttribute('data-y-max')"
                + " + '|' + c.querySelectorAll('[data-series=original]').length + '|' + c.querySelectorAll('[data-series=combined]').length)");
        assertEquals(4, scales.size());
        assertEquals(1, new HashSet<>(scales).size(), "one scale: " + scales);
        assertTrue(String.valueOf(scales.get(0)).endsWith("|1|1"), scales.toString());
        assertEquals(8L, script("return document.querySelectorAll('#histogram-stats tbody tr').length"), "mean, deviation, percentiles per channel and image");
        String stats = text("histogram-stats");
        assertTrue(stats.contains("Median") && stats.contains("95th pct.") && stats.contains("Luminance"), stats);

        // Item 7 and the minor items: the tasks only, each announced once per change; pending tasks shown while they wait.
        List<String> states = browser.findElements(By.cssSelector("#states li")).stream().map(li -> li.getAttribute("data-state")).toList();
        assertEquals(Set.of("Process", "AnalyseOriginal", "AnalyseCombined", "WriteManifest"), Set.copyOf(states), states.toString());
        assertEquals(4, states.size());
        assertEquals(null, browser.findElement(By.id("states")).getAttribute("aria-live"), "the re-rendered list is not a live region");
        List<?> said = (List<?>) script("return window.__said");
        assertFalse(said.isEmpty());
        for (int i = 1; i < said.size(); i++) {
            assertFalse(said.get(i).equals(said.get(i - 1)), "nothing announced twice in a row: " + said);
        }
        assertTrue(String.join(" ", said.stream().map(String::valueOf).toList()).contains("Write the manifest: succeeded"), said.toString());
        assertTrue(said.size() <= 8, "at most a running and an end per task: " + said);
        assertEquals(Boolean.TRUE, script("return window.__sawPending"), "tasks not reached were listed as waiting");

        assertNoAccessibilityViolations("the results");
        script("document.getElementById('results').scrollIntoView()");
        screenshot("results.png");
        script("document.getElementById('histograms').scrollIntoView()");
        screenshot("histograms.png");

        // The full-size view: opened and closed with the keyboard, focus back where it was.
        WebElement viewOriginal = browser.findElement(By.cssSelector("#grid figure .view-full"));
        viewOriginal.sendKeys(Keys.ENTER);
        awaitTrue("the original at full size", "const d = document.getElementById('viewer'); const i = d.querySelector('img[data-role=full]');"
                + " return d.open && i && i.complete && Math.max(i.naturalWidth, i.naturalHeight) === " + Math.max(size[0], size[1]));
        assertEquals("viewer-close", browser.switchTo().activeElement().getAttribute("id"));
        assertNoAccessibilityViolations("the full-size view");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        awaitTrue("closed by Escape", "return !document.getElementById('viewer').open");
        assertEquals(viewOriginal, browser.switchTo().activeElement(), "focus returns to the button that opened it");
        WebElement viewChart = browser.findElement(By.cssSelector("#histogram-charts .view-full"));
        viewChart.sendKeys(Keys.ENTER);
        awaitTrue("a chart at full size", "const d = document.getElementById('viewer');"
                + " return d.open && d.querySelector('svg.histogram-chart').getBoundingClientRect().width > 800");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        awaitTrue("closed by Escape", "return !document.getElementById('viewer').open");

        // The before/after slider moves with the keyboard.
        WebElement slider = browser.findElement(By.id("compare-range"));
        slider.sendKeys(Keys.HOME);
        assertEquals("0", slider.getAttribute("value"));
        String clip = String.valueOf(script("return document.getElementById('compare-after').style.clipPath"));
        assertTrue(clip.startsWith("inset(") && clip.endsWith(" 0%)"), "the combined result uncovered from the left edge: " + clip);

        // The run is listed among the recent runs, and reopens from its address.
        awaitTrue("listed in recent runs", "return document.querySelectorAll('#recent button[data-run]').length > 0");
        browser.navigate().refresh();
        awaitTrue("reopened from the address", "return document.getElementById('run').dataset.ended === 'true'"
                + " && document.querySelectorAll('#results img').length === 6");

        // A phone: one column, nothing wider than the screen, no violation.
        phone();
        awaitTrue("the results fit a phone", fitsThePhone());
        assertNoAccessibilityViolations("the results on a phone");
        browser.findElement(By.cssSelector("#grid figure .view-full")).sendKeys(Keys.ENTER);
        awaitTrue("the full-size view on a phone", "return document.getElementById('viewer').open");
        assertFits("the full-size view");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        awaitTrue("closed by Escape", "return !document.getElementById('viewer').open");
        script("document.getElementById('run-title').scrollIntoView()");
        screenshot("phone.png");
    }

    @Test
    void onAPhoneEveryScreenFitsAndTheRunComesIntoViewAfterSubmitting() throws Exception {
        phone();
        open();
        assertFits("the empty form");
        Path small = png("phone photo with a rather long name that must wrap, not widen the page.png", 120, 80);
        browser.findElement(By.id("file")).sendKeys(small.toAbsolutePath().toString());
        awaitTrue("preview shown", "return document.getElementById('preview').naturalWidth > 0");
        WebElement choice = browser.findElement(By.id("operation-choice"));
        for (String operation : List.of("grayscale", "blur", "invert", "sepia")) {
            addByKeyboard(choice, operation);
        }
        assertFits("the form with a chain");
        assertNoAccessibilityViolations("the form with a chain on a phone");
        browser.findElement(By.id("submit")).sendKeys(Keys.ENTER);
        awaitRunInViewAndFocused("phone");
        awaitTrue("the run ended", "return document.getElementById('run').dataset.ended === 'true'");
        assertEquals("SUCCEEDED", browser.findElement(By.id("run-status")).getAttribute("data-status"), text("run-error"));
        awaitTrue("the recent runs listed", "return document.querySelectorAll('#recent button[data-run]').length > 0");
        assertFits("the results and the recent runs");
    }

    @Test
    void anOutOfRangeValueIsMarkedNextToItsFieldAndBlocksTheRun() throws Exception {
        open();
        browser.findElement(By.id("file")).sendKeys(png("range.png", 32, 32).toAbsolutePath().toString());
        addByKeyboard(browser.findElement(By.id("operation-choice")), "blur");
        WebElement radius = browser.switchTo().activeElement();
        radius.sendKeys(Keys.chord(Keys.CONTROL, "a"), "5000");
        assertEquals("true", radius.getAttribute("aria-invalid"));
        String errorId = radius.getAttribute("id") + "-error";
        WebElement message = browser.findElement(By.id(errorId));
        assertTrue(message.isDisplayed() && message.getText().contains("out of range"), message.getText());
        assertTrue(radius.getAttribute("aria-describedby").contains(errorId), "the message is the field's description");
        assertNoAccessibilityViolations("a field marked invalid");

        browser.findElement(By.id("submit")).sendKeys(Keys.ENTER);
        awaitTrue("the run refused in the page", "return !document.getElementById('form-error').classList.contains('hidden')");
        assertTrue(text("form-error").contains("Step 1"), text("form-error"));
        assertEquals(radius, browser.switchTo().activeElement(), "focus goes to the field to fix");
        assertEquals(null, browser.findElement(By.id("run")).getAttribute("data-run"), "nothing was uploaded");

        radius.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7");
        assertEquals("false", radius.getAttribute("aria-invalid"));
        assertFalse(message.isDisplayed());
        assertEquals("blur(radius=7)", text("chain-text"));
    }

    @Test
    void contentThatIsNotAnImageIsWarnedAboutThenRefusedWithAMessageOnThePage() throws Exception {
        open();
        // Dropped on the drop zone rather than chosen: a text file named like a photo.
        script("const transfer = new DataTransfer();"
                + " transfer.items.add(new File(['meeting notes, not a photo'], 'notes.jpg', {type: 'image/jpeg'}));"
                + " document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));");
        assertTrue(text("preview-caption").startsWith("notes.jpg"), text("preview-caption"));
        awaitTrue("warned before uploading", "return !document.getElementById('file-warning').classList.contains('hidden')");
        assertTrue(text("file-warning").contains("does not look like an image"), text("file-warning"));
        addByKeyboard(browser.findElement(By.id("operation-choice")), "grayscale");
        browser.findElement(By.id("submit")).sendKeys(Keys.ENTER);
        awaitTrue("error shown", "return !document.getElementById('form-error').classList.contains('hidden')");
        assertTrue(text("form-error").contains("not an image the pipeline can read"), text("form-error"));
    }

    @Test
    void anImageOverThePixelLimitIsWarnedAboutBeforeUploading() throws Exception {
        open();
        // 8,000 x 6,400 = 51.2 MP in one bit per pixel: a small file the pipeline would still refuse.
        Path huge = scratch.resolve("huge.png");
        ImageIO.write(new BufferedImage(8000, 6400, BufferedImage.TYPE_BYTE_BINARY), "png", huge.toFile());
        browser.findElement(By.id("file")).sendKeys(huge.toAbsolutePath().toString());
        awaitTrue("warned before uploading", "return !document.getElementById('file-warning').classList.contains('hidden')");
        assertTrue(text("file-warning").contains("8000×6400 (51.2 MP)"), text("file-warning"));
    }

    @Test
    void aRunThatFailsInThePipelineShowsItsErrorInPlainWords() throws Exception {
        open();
        // A JPEG cut short: its header is valid, so it is uploaded; decoding it in the processor fails.
        byte[] photo = Files.readAllBytes(TestPhotos.jpeg());
        Path truncated = scratch.resolve("cut <short>.jpg");
        Files.write(truncated, Arrays.copyOf(photo, 4096));
        browser.findElement(By.id("file")).sendKeys(truncated.toAbsolutePath().toString());
        addByKeyboard(browser.findElement(By.id("operation-choice")), "sepia");
        browser.findElement(By.id("submit")).sendKeys(Keys.ENTER);
        awaitTrue("the run ended", "return document.getElementById('run').dataset.ended === 'true'");
        assertEquals("FAILED", browser.findElement(By.id("run-status")).getAttribute("data-status"));
        String message = text("run-error-message");
        assertTrue(!message.isBlank() && !message.contains("{") && !message.contains("at dev."), message);
        assertFalse(message.contains("web/") || message.contains("s3://"), "the user's file name, not the generated key: " + message);
        assertTrue(message.startsWith("cut <short>.jpg is"), message);
        String type = text("run-error-type");
        assertFalse(type.contains("Exception") || type.contains("dev.pixelstep"), "words, not a Java class: " + type);
        assertTrue(text("run-summary").startsWith("cut <short>.jpg"), "the name is shown as text: " + text("run-summary"));
        List<String> states = browser.findElements(By.cssSelector("#states li")).stream().map(li -> li.getAttribute("data-state")).toList();
        assertTrue(states.contains("Process") && states.contains("WriteFailedManifest"), states.toString());
        for (String plumbing : List.of("UseProcessError", "ParseErrorCause", "BuildFailedManifest", "PipelineFailed", "ExtractObject")) {
            assertFalse(states.contains(plumbing), plumbing + " is not a step: " + states);
        }
        assertNoAccessibilityViolations("a failed run");
        screenshot("failure.png");
        phone();
        awaitTrue("the failure fits a phone", fitsThePhone());
    }

    /** Issue 16 item 6: a run made by {@code pixelstep run} on the same data directory is listed and opens by its address. */
    @Test
    void runsMadeByTheCommandLineAreListedAndOpenByTheirAddress() throws Exception {
        Path image = png("from the cli.png", 48, 32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = pixelstep(List.of("run", image.toString(), "--ops", "invert", "--data", data.toString(),
                "--out", scratch.resolve("cli-out").toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        open();
        awaitTrue("listed among the recent runs", "const b = [...document.querySelectorAll('#recent button[data-run]')]"
                + ".find(b => b.textContent.includes('from the cli.png'));"
                + " if (!b) document.getElementById('refresh-runs').click(); return b && b.dataset.run.startsWith('s3-');");
        String id = (String) script("return [...document.querySelectorAll('#recent button[data-run]')]"
                + ".find(b => b.textContent.includes('from the cli.png')).dataset.run");
        browser.get(stack.web.uri() + "#run=" + id);
        awaitTrue("opened by its address", "return document.getElementById('run').dataset.ended === 'true'"
                + " && document.querySelectorAll('#grid img').length === 2");
        assertEquals("SUCCEEDED", browser.findElement(By.id("run-status")).getAttribute("data-status"), text("run-error"));
        assertTrue(text("run-summary").startsWith("from the cli.png · invert"), text("run-summary"));
    }

    /**
     * Issue 18: a bulk run ({@code pixelstep reprocess}, in this JVM, against the page's pipeline) is listed under
     * "Bulk runs" with its counts, and its failed key opens as a run of the page with the error shown.
     */
    @Test
    void aBulkRunIsListedAndItsFailedKeyOpensAsARun() throws Exception {
        var s3 = stack.pipeline.storage().client();
        s3.putObject(b -> b.bucket(WebStack.INPUT).key("bulk-page/good.png").contentType("image/png"),
                software.amazon.awssdk.core.sync.RequestBody.fromFile(png("good.png", 24, 16)));
        s3.putObject(b -> b.bucket(WebStack.INPUT).key("bulk-page/broken.png").contentType("image/png"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("not an image"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = pixelstep(List.of("reprocess", "--prefix", "bulk-page/", "--ops", "invert", "--name", "page-bulk",
                "--tolerated-failure-percentage", "60", "--data", data.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        open();
        awaitTrue("the bulk run listed", "return document.getElementById('bulk-runs').getAttribute('aria-busy') === 'false'"
                + " && !!document.querySelector('#bulk-runs li[data-bulk-run=page-bulk]')");
        String counts = (String) script("return document.querySelector('#bulk-runs li[data-bulk-run=page-bulk] [data-counts]').textContent");
        assertEquals("2/2 done, 1 failed, 0 skipped", counts);
        assertNoAccessibilityViolations("the bulk runs");
        phone();
        awaitTrue("the bulk runs fit a phone", fitsThePhone());
        screenshot("bulk-runs-phone.png");
        browser.findElement(By.cssSelector("#bulk-runs li[data-bulk-run=page-bulk] a[href^='#run=']")).click();
        awaitTrue("the failed key opened", "return document.getElementById('run').dataset.ended === 'true'");
        assertEquals("FAILED", browser.findElement(By.id("run-status")).getAttribute("data-status"));
        assertTrue(text("run-summary").startsWith("broken.png"), text("run-summary"));
        assertFalse(text("run-error-message").isBlank());
    }

    /** The {@code pixelstep} command line, in this JVM, as {@code Main.main} runs it (without its exit). */
    private static int pixelstep(List<String> args, PrintStream out) throws Exception {
        Method run = Class.forName("dev.pixelstep.local.cli.Main").getDeclaredMethod("run", List.class, PrintStream.class, PrintStream.class);
        run.setAccessible(true);
        return (Integer) run.invoke(null, args, out, out);
    }

    private static void open() {
        browser.get(stack.web.uri().toString());
        awaitTrue("page ready", "return document.body.dataset.ready === 'true'"
                + " && document.getElementById('recent').getAttribute('aria-busy') === 'false'");
    }

    /** A phone as Chromium's device emulation makes one: a page wider than the device would be zoomed out. */
    private static void phone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT,
                "deviceScaleFactor", 1, "mobile", true));
    }

    /** The document is exactly as wide as the phone (and the layout viewport was not widened to fit a wider page). */
    private static String fitsThePhone() {
        return "return window.innerWidth === " + PHONE_WIDTH + " && document.documentElement.scrollWidth === " + PHONE_WIDTH;
    }

    private static void assertFits(String screen) {
        Object widths = script("return [window.innerWidth, document.documentElement.scrollWidth]");
        assertEquals(List.of((long) PHONE_WIDTH, (long) PHONE_WIDTH), widths, screen + ": viewport and document width");
    }

    /** Item 2: after submitting, the run's heading has the focus and is on the screen. */
    private static void awaitRunInViewAndFocused(String layout) {
        awaitTrue("the run in view and focused (" + layout + ")", "const t = document.getElementById('run-title');"
                + " const r = t.getBoundingClientRect();"
                + " return document.getElementById('run').dataset.run && document.activeElement === t"
                + " && r.top >= 0 && r.bottom <= window.innerHeight");
    }

    /** Records what the live region says, and whether a pending task was ever listed, from now on. */
    private static void recordAnnouncementsAndPendingSteps() {
        script("window.__said = []; window.__sawPending = false;"
                + " new MutationObserver(() => { const t = document.getElementById('announcer').textContent;"
                + "   if (t) window.__said.push(t); }).observe(document.getElementById('announcer'), {childList: true, characterData: true, subtree: true});"
                + " new MutationObserver(() => { if (document.querySelector('#states li[data-status=PENDING]')) window.__sawPending = true; })"
                + "   .observe(document.getElementById('states'), {childList: true});");
    }

    /** axe-core in the page, WCAG 2.0, 2.1 and 2.2 A and AA rules: no violation. */
    private static void assertNoAccessibilityViolations(String screen) {
        if (Boolean.FALSE.equals(script("return typeof window.axe !== 'undefined'"))) {
            script(AXE);
        }
        Object violations = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + "   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + "   .catch(e => done(['axe failed: ' + e]));");
        assertEquals(List.of(), violations, screen + ": WCAG A/AA violations");
    }

    /** Chooses an operation by typing its name into the list, tabs to "Add" and presses Enter. */
    private static void addByKeyboard(WebElement choice, String operation) {
        choice.sendKeys(operation);
        assertEquals(operation, choice.getAttribute("value"));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement add = browser.switchTo().activeElement();
        assertEquals("add-step", add.getAttribute("id"));
        add.sendKeys(Keys.ENTER);
    }

    private static Path png(String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x60);
            }
        }
        Path file = scratch.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String text(String id) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.getElementById(arguments[0]).textContent", id);
    }

    private static void awaitTrue(String what, String script) {
        new WebDriverWait(browser, WAIT).withMessage(what).until(ExpectedConditions.jsReturnsValue(
                "try { return (function () { " + script + " })() || null; } catch (e) { return null; }"));
    }

    private static void screenshot(String name) throws Exception {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String resource(String name) {
        try (InputStream in = WebPageBrowserTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is a test resource (local/web-src/build.sh fetches it)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
