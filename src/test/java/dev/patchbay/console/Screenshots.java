package dev.patchbay.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Pictures of the console as the browser tests left it, in target/console-screenshots (the README shows copies). */
final class Screenshots {

    static final Path DIRECTORY = Path.of("target", "console-screenshots");

    private Screenshots() {
    }

    static void save(WebDriver browser, String name) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.write(DIRECTORY.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
