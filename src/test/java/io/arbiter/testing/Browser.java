package io.arbiter.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's Chromium, headless, driven through Selenium against one node's console. It uses the
 * installed {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (packages {@code chromium}
 * and {@code chromium-driver}, which {@code bin/test} installs), so Selenium downloads nothing.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String origin;

    private Browser(WebDriver driver, String origin) {
        this.driver = driver;
        this.origin = origin;
    }

    /** A headless browser, 1280 by 900, pointed at the node's console. */
    public static Browser open(TestNode node) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--window-size=1280,900", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + node.port());
    }

    /** Opens a console view, such as {@code clients} or {@code decisions/d-1}, and waits until it has loaded. */
    public void view(String route) {
        driver.get("about:blank");
        driver.get(origin + "/#/" + route);
        String view = route.contains("/") ? route.substring(0, route.indexOf('/')) : route;
        await(d -> !d.findElements(By.cssSelector("main[data-view='" + view + "'][data-ready='true']")).isEmpty());
    }

    public WebElement find(String css) {
        await(d -> !d.findElements(By.cssSelector(css)).isEmpty());
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * The values of {@code attribute} of every element {@code css} selects, in page order, read in
     * one step inside the page, so that a list the page is re-rendering is never read half old.
     */
    @SuppressWarnings("unchecked")
    public List<String> attributes(String css, String attribute) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return Array.from("
                + "document.querySelectorAll(arguments[0])).map(e => e.getAttribute(arguments[1]));", css, attribute);
    }

    /** Replaces the text of an input. */
    public void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    /** The system property naming the folder screenshots go to. */
    public static final String SCREENSHOTS = "arbiter.screenshots";

    /** Waits up to 30 seconds for {@code condition}. */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** Scrolls the page so that the element {@code css} is in view (for a screenshot). */
    public void scrollTo(String css) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", find(css));
    }

    /**
     * Saves what the window shows to {@code NAME.png} in the folder the system property
     * {@value #SCREENSHOTS} names (relative to the project), {@code target/console-screenshots} by
     * default: a test run leaves the README's copies in {@code docs/console} as they are unless
     * asked to retake them ({@code -Darbiter.screenshots=docs/console}).
     */
    public void screenshot(String name) {
        Path folder = ProjectDir.path().resolve(System.getProperty(SCREENSHOTS, "target/console-screenshots"));
        Path target = folder.resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
