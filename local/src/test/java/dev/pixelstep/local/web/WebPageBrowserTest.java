package dev.pixelstep.local.web;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web page in a real headless Chromium against the real local pipeline: a chain built with the
 * keyboard, a real photo, the results grid; and failures shown in plain words.
 */
class WebPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path data;
    @TempDir
    static Path scratch;
    private static WebStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        stack = WebStack.start(data);
        browser = Chromium.start(scratch.resolve("profile"), 1280, 1600);
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
    void normalWindow() {
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void aPhotoWithAChainBuiltByKeyboardEndsInTheResultsGrid() throws Exception {
        Path photo = TestPhotos.jpeg();
        int[] size = TestPhotos.dimensions(photo);
        open();
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

        WebElement submit = browser.findElement(By.id("submit"));
        long started = System.nanoTime();
        submit.sendKeys(Keys.ENTER);
        awaitTrue("the run ended", "return document.getElementById('run').dataset.ended === 'true'");
        awaitTrue("every result image loaded", "const images = [...document.querySelectorAll('#results img')];"
                + " return images.length === 6 && images.every(i => i.complete && i.naturalWidth > 0)");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("web page: %dx%d photo, 'grayscale, blur(radius=4)': %d ms from submit to every result shown%n",
                size[0], size[1], millis);

        assertEquals("SUCCEEDED", browser.findElement(By.id("run-status")).getAttribute("data-status"), text("run-error"));
        List<WebElement> grid = browser.findElements(By.cssSelector("#grid figure"));
        assertEquals(4, grid.size());
        List<String> titles = grid.stream().map(f -> f.findElement(By.cssSelector("figcaption .figure-title")).getText()).toList();
        assertEquals(List.of("Original", "Combined", "Histogram of the original", "Histogram of the combined"), titles);
        List<WebElement> independent = browser.findElements(By.cssSelector("#independent figure"));
        assertEquals(2, independent.size());
        assertTrue(independent.get(0).getText().contains("grayscale"), independent.get(0).getText());
        assertTrue(independent.get(1).getText().contains("blur") && independent.get(1).getText().contains("radius=4"),
                independent.get(1).getText());
        for (WebElement figure : browser.findElements(By.cssSelector("#results figure"))) {
            WebElement download = figure.findElement(By.linkText("Download"));
            assertTrue(download.getAttribute("href").contains("download=1"), download.getAttribute("href"));
        }
        List<String> states = browser.findElements(By.cssSelector("#states li")).stream().map(li -> li.getAttribute("data-state")).toList();
        assertTrue(states.containsAll(List.of("Process", "AnalyseOriginal", "AnalyseCombined", "WriteManifest")), states.toString());
        screenshot("results.png");

        // The run is listed among the recent runs, and reopens from there.
        awaitTrue("listed in recent runs", "return document.querySelectorAll('#recent button[data-run]').length > 0");
        browser.navigate().refresh();
        awaitTrue("reopened from the address", "return document.getElementById('run').dataset.ended === 'true'"
                + " && document.querySelectorAll('#results img').length === 6");

        // A phone's width: one column, nothing wider than the screen.
        browser.manage().window().setSize(new Dimension(390, 844));
        awaitTrue("no horizontal scrolling at phone width",
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('run-title').scrollIntoView()");
        screenshot("phone.png");
    }

    @Test
    void contentThatIsNotAnImageIsRefusedWithAMessageOnThePage() throws Exception {
        open();
        // Dropped on the drop zone rather than chosen: a text file named like a photo.
        ((JavascriptExecutor) browser).executeScript("const transfer = new DataTransfer();"
                + " transfer.items.add(new File(['meeting notes, not a photo'], 'notes.jpg', {type: 'image/jpeg'}));"
                + " document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));");
        assertTrue(text("preview-caption").startsWith("notes.jpg"), text("preview-caption"));
        addByKeyboard(browser.findElement(By.id("operation-choice")), "grayscale");
        browser.findElement(By.id("submit")).sendKeys(Keys.ENTER);
        awaitTrue("error shown", "return !document.getElementById('form-error').classList.contains('hidden')");
        assertTrue(text("form-error").contains("not an image the pipeline can read"), text("form-error"));
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
        assertTrue(text("run-summary").startsWith("cut <short>.jpg"), "the name is shown as text: " + text("run-summary"));
        screenshot("failed.png");
    }

    private static void open() {
        browser.get(stack.web.uri().toString());
        awaitTrue("page ready", "return document.body.dataset.ready === 'true'");
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
}
