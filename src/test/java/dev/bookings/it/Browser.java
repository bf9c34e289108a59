package dev.bookings.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.CdpVersionFinder;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the pages' tests, driven through WebDriver. The system property {@code bookings.it.browser}
 * picks it: {@code htmlunit} (the default, pure Java, nothing to install) or {@code chromium}, Debian's headless
 * Chromium and its chromedriver, which .ci/run adds for a second pass over the page tests. HtmlUnit runs with
 * JavaScript off, so every page test also proves that its page works without it; Chromium runs what a customer's
 * browser would, and takes the screenshots. Both ask for English pages unless {@link #open(Locale)} says otherwise.
 */
public final class Browser implements AutoCloseable {

    public static final String PROPERTY = "bookings.it.browser";
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    /** A common phone's CSS viewport (iPhone 12 to 14) */
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Selenium warns on every Chromium start that it has no DevTools bindings for Debian's Chromium version; the
     * harness needs none (its DevTools commands go through chromedriver), so the warning would only be noise. Held
     * here, as java.util.logging keeps loggers weakly.
     */
    private static final Logger CDP_VERSION = Logger.getLogger(CdpVersionFinder.class.getName());

    static {
        CDP_VERSION.setLevel(Level.SEVERE);
    }

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** The browser that {@code bookings.it.browser} names, asking for English pages. */
    public static Browser open() {
        return open(Locale.ENGLISH);
    }

    /** The browser that {@code bookings.it.browser} names, asking for pages in {@code language} (Accept-Language). */
    public static Browser open(Locale language) {
        String name = System.getProperty(PROPERTY, "htmlunit");
        return switch (name) {
            case "htmlunit" -> new Browser(htmlUnit(language));
            case "chromium" -> new Browser(chromium(language));
            default -> throw new IllegalArgumentException(PROPERTY + "=" + name + ": expected htmlunit or chromium");
        };
    }

    private static WebDriver htmlUnit(Locale language) {
        // HtmlUnit's own default is "en-US,en;q=0.9" whatever the machine's locale: say exactly what the test asks
        BrowserVersion version = new BrowserVersion.BrowserVersionBuilder(BrowserVersion.BEST_SUPPORTED)
                .setBrowserLanguage(language.toLanguageTag())
                .setAcceptLanguageHeader(language.toLanguageTag())
                .build();
        HtmlUnitDriver driver = new HtmlUnitDriver(version, false);
        WebClient client = driver.getWebClient();
        // a page that answers 4xx or 5xx is still a page to look at, as in any browser
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setPrintContentOnFailingStatusCode(false);
        return driver;
    }

    private static WebDriver chromium(Locale language) {
        ChromeOptions options = new ChromeOptions();
        // Debian's chromium and chromium-driver; given explicitly so that Selenium Manager never looks for (and
        // downloads) a browser or driver of its own
        options.setBinary("/usr/bin/chromium");
        // root in a container: no sandbox, /dev/shm too small, no GPU; the window is fixed so screenshots compare
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=" + language.toLanguageTag(),
                // nothing beyond loopback: even with background networking off Chromium looks up Google's hosts
                // (sign-in, autofill, updates); it may resolve only this machine's own names
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE ::1, EXCLUDE "
                        + ownHostName(),
                "--disable-background-networking", "--disable-component-update", "--disable-extensions",
                "--no-first-run", "--no-default-browser-check");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.toLanguageTag()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The name Payara Micro reports, and so the host of Arquillian's URLs, where it is not an address. */
    private static String ownHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** True for Chromium, which runs JavaScript and renders; false for HtmlUnit. */
    public boolean realBrowser() {
        return driver instanceof ChromeDriver;
    }

    public void get(String url) {
        driver.get(url);
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /**
     * Clicks {@code button} and waits (10 seconds at most) for the page it loads. Chromium's click can return before
     * the form's POST has even left, and the next look would then find the old page; HtmlUnit has loaded it already.
     */
    public void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * The HTTP status of the page now shown (after redirects, the last answer's). Only HtmlUnit tells it; Chromium
     * answers -1, as WebDriver has no status (it would take the DevTools network log).
     */
    public int status() {
        if (driver instanceof HtmlUnitDriver htmlUnit) {
            Page page = htmlUnit.getWebClient().getCurrentWindow().getEnclosedPage();
            return page == null ? -1 : page.getWebResponse().getStatusCode();
        }
        return -1;
    }

    /**
     * In Chromium, saves the whole page as {@code target/screenshots/NAME-desktop.png} (1280 wide) and
     * {@code NAME-phone.png} (390 wide, as a phone of 390x844 lays it out), for a person to look at; HtmlUnit renders
     * nothing, so it saves nothing.
     */
    public void screenshot(String name) {
        if (!(driver instanceof ChromeDriver chrome)) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-desktop.png"), fullPage(chrome, DESKTOP, false));
            Files.write(SCREENSHOTS.resolve(name + "-phone.png"), fullPage(chrome, PHONE, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole page, not only the viewport, laid out in a viewport of {@code size}. DevTools' device metrics rather
     * than a resized window: headless Chromium keeps about 140 pixels of a window's height for browser controls it
     * does not draw, a desktop scroll bar takes 15 of its width, and only a mobile viewport honours the page's
     * {@code <meta name="viewport">} and draws scroll bars over the page, as a phone does.
     */
    private static byte[] fullPage(ChromeDriver chrome, Dimension size, boolean mobile) {
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width,
                "height", size.height, "deviceScaleFactor", 1, "mobile", mobile));
        try {
            Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
            // at least the viewport; more where the page is taller, or wider (which a phone shows as a flaw)
            double width = Math.max(((Number) content.get("width")).doubleValue(), size.width);
            double height = Math.max(((Number) content.get("height")).doubleValue(), size.height);
            Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
