package io.scst.manager.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.scst.manager.ServerTest;
import io.scst.manager.device.DeviceService;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Swagger UI in a real browser: Debian's headless Chromium, driven through Debian's
 * chromedriver, creates a device and maps it at a LUN with "Try it out" on a server
 * running on the demo simulator, and the test reads the responses off the page. Skipped
 * where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing
 * ({@code apt-get install chromium chromium-driver}). Nothing is downloaded: the driver
 * and browser binaries are given explicitly, so Selenium Manager is never asked.
 * <p>
 * The last page is saved as {@code target/swagger-ui/lun-created.png}.
 */
@Tag("browser")
@ServerTest(properties = { "scst.simulator.state=demo" })
class SwaggerUiBrowserTests {

	static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOT = Path.of("target", "swagger-ui", "lun-created.png");

	private static final String DEVICE = "swagger_ui_null1";

	private static final String DRIVER = "scst_local";

	private static final String TARGET = "scst_local_tgt";

	private static final String LUN = "7";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TempDir
	Path profileDir;

	@LocalServerPort
	private int port;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private DeviceService devices;

	private final JsonMapper json = JsonMapper.builder().build();

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM),
				"Swagger UI browser test skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
		assumeTrue(Files.isExecutable(CHROMEDRIVER), "Swagger UI browser test skipped: no chromedriver at "
				+ CHROMEDRIVER + " (apt-get install chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1400,1600", "--user-data-dir=" + this.profileDir);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, WAIT);
	}

	@AfterEach
	void stopBrowserAndCleanUp() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.sysfs.exists(ScstTree.device(DEVICE))) {
			this.devices.delete(DEVICE, true);
		}
	}

	@Test
	void createsADeviceAndMapsItAtALunWithTryItOut() throws IOException {
		this.browser.get("http://127.0.0.1:" + this.port + "/swagger-ui.html");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
		authorize();

		WebElement createDevice = operation("post", "/api/v1/devices");
		tryItOut(createDevice);
		typeBody(createDevice, "{\"name\": \"" + DEVICE + "\", \"handler\": \"vdisk_nullio\", \"size\": 1048576}");
		JsonNode device = execute(createDevice, "201");
		assertThat(device.path("name").asString()).isEqualTo(DEVICE);
		assertThat(device.path("handler").asString()).isEqualTo("vdisk_nullio");
		assertThat(device.path("size").asLong()).isEqualTo(1048576L);

		WebElement putLun = operation("put", "/api/v1/target-drivers/{driver}/targets/{target}/luns/{lun}");
		tryItOut(putLun);
		typeParameter(putLun, "driver", DRIVER);
		typeParameter(putLun, "target", TARGET);
		typeParameter(putLun, "lun", LUN);
		typeBody(putLun, "{\"device\": \"" + DEVICE + "\", \"readOnly\": false}");
		JsonNode lun = execute(putLun, "201");
		assertThat(lun.path("lun").asInt()).isEqualTo(Integer.parseInt(LUN));
		assertThat(lun.path("device").asString()).isEqualTo(DEVICE);
		assertThat(lun.path("readOnly").asBoolean(true)).isFalse();

		assertThat(this.sysfs.exists(ScstTree.lun(DRIVER, TARGET, null, Integer.parseInt(LUN)))).isTrue();
		assertThat(this.sysfs
			.readLink(ScstTree.lun(DRIVER, TARGET, null, Integer.parseInt(LUN)).resolve(ScstTree.DEVICE_LINK)))
			.endsWith(DEVICE);
		screenshot(putLun.findElement(By.cssSelector(".live-responses-table")));
	}

	/**
	 * The hook for Swagger UI's Authorize dialog. Nothing to do here: the server runs on
	 * the simulator on the loopback interface without configured credentials, where
	 * anonymous requests are allowed. A test against a server with credentials would
	 * click {@code .btn.authorize} and fill in the bearer token here.
	 */
	private void authorize() {
	}

	/** The operation block of one method and path, expanded. */
	private WebElement operation(String method, String path) {
		By block = By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' opblock-" + method + " ')]"
				+ "[.//*[@data-path='" + path + "']]");
		WebElement operation = this.wait.until(ExpectedConditions.presenceOfElementLocated(block));
		if (!operation.getAttribute("class").contains("is-open")) {
			click(operation.findElement(By.cssSelector(".opblock-summary")));
		}
		this.wait.until((browser) -> !operation.findElements(By.cssSelector(".try-out__btn")).isEmpty());
		return operation;
	}

	private void tryItOut(WebElement operation) {
		click(operation.findElement(By.cssSelector(".try-out__btn")));
		this.wait.until((browser) -> !operation.findElements(By.cssSelector("button.execute")).isEmpty());
	}

	private void typeParameter(WebElement operation, String name, String value) {
		WebElement input = operation
			.findElement(By.cssSelector("tr[data-param-name='" + name + "'] .parameters-col_description input"));
		replaceText(input, value);
	}

	private void typeBody(WebElement operation, String body) {
		replaceText(operation.findElement(By.cssSelector("textarea.body-param__text")), body);
	}

	/**
	 * Execute, wait for the live response and return its body after checking its code.
	 */
	private JsonNode execute(WebElement operation, String expectedCode) {
		click(operation.findElement(By.cssSelector("button.execute")));
		WebElement response = this.wait.until((browser) -> {
			List<WebElement> rows = operation.findElements(By.cssSelector(".live-responses-table .response"));
			return rows.isEmpty() ? null : rows.get(0);
		});
		// The status cell shows the code, then "Undocumented" when the document lists no
		// response for it
		String code = response.findElement(By.cssSelector(".response-col_status")).getText().trim().split("\\s+")[0];
		String body = response.findElement(By.cssSelector(".response-col_description pre")).getText();
		assertThat(code).as("response code shown for body %s", body).isEqualTo(expectedCode);
		return this.json.readTree(body);
	}

	private void replaceText(WebElement field, String text) {
		field.click();
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		field.sendKeys(text);
		this.wait.until((browser) -> text.equals(field.getDomProperty("value")));
	}

	private void click(WebElement element) {
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		this.wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	private void screenshot(WebElement shown) throws IOException {
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", shown);
		Path taken = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.createDirectories(SCREENSHOT.getParent());
		Files.copy(taken, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
	}

}
