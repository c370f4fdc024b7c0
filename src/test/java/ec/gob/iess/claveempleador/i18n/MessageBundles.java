package ec.gob.iess.claveempleador.i18n;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * The message bundles as files: every {@code *.properties} under {@code src/main/resources}, read as UTF-8 like
 * Spring Boot's MessageSource reads them, and the basenames {@code application.yaml} registers. Read from the
 * files, not through a MessageSource, so that an English key is never found by falling back to the Spanish file.
 */
final class MessageBundles {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final String ENGLISH_SUFFIX = "_en";

    private MessageBundles() {
    }

    /** The basenames Spring resolves messages from ({@code spring.messages.basename}). */
    static List<String> registeredBasenames() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(RESOURCES.resolve("application.yaml")));
        String basenames = yaml.getObject().getProperty("spring.messages.basename");
        return Arrays.stream(basenames.split(",")).map(String::trim).toList();
    }

    /** Every bundle file, by its path relative to the resources without {@code .properties} (e.g. {@code i18n/api_en}). */
    static Set<String> bundleFiles() {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".properties"))
                    .map(file -> RESOURCES.relativize(file).toString().replace('\\', '/').replaceFirst("\\.properties$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file's keys and texts. */
    static Map<String, String> read(String bundleFile) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(bundleFile + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return texts;
    }

    /** All Spanish texts (the default files of the registered basenames), keyed by message key. */
    static Map<String, String> spanish() {
        return merged("");
    }

    /** All English texts (the {@code _en} twins of the registered basenames), keyed by message key. */
    static Map<String, String> english() {
        return merged(ENGLISH_SUFFIX);
    }

    private static Map<String, String> merged(String suffix) {
        Map<String, String> texts = new TreeMap<>();
        registeredBasenames().forEach(basename -> texts.putAll(read(basename + suffix)));
        return texts;
    }
}
