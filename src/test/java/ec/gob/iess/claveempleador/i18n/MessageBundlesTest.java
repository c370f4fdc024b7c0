package ec.gob.iess.claveempleador.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundle speaks Spanish (the default file) and English (its {@code _en} twin) with exactly the same keys. */
class MessageBundlesTest {

    static List<String> registeredBasenames() {
        return MessageBundles.registeredBasenames();
    }

    @Test
    void everyBundleFileIsARegisteredBasenameOrItsEnglishTwin() {
        Set<String> expected = new TreeSet<>();
        registeredBasenames().forEach(basename -> {
            expected.add(basename);
            expected.add(basename + MessageBundles.ENGLISH_SUFFIX);
        });

        assertThat(MessageBundles.bundleFiles())
                .as("a bundle Spring does not read, or a registered one without its Spanish or English file")
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredBasenames")
    void spanishAndEnglishHaveTheSameKeys(String basename) {
        Set<String> spanish = MessageBundles.read(basename).keySet();
        Set<String> english = MessageBundles.read(basename + MessageBundles.ENGLISH_SUFFIX).keySet();

        assertThat(spanish.stream().filter(key -> !english.contains(key)).toList())
                .as("keys of %s.properties missing in %s_en.properties", basename, basename).isEmpty();
        assertThat(english.stream().filter(key -> !spanish.contains(key)).toList())
                .as("keys of %s_en.properties missing in %s.properties", basename, basename).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredBasenames")
    void noTextIsBlank(String basename) {
        for (String file : List.of(basename, basename + MessageBundles.ENGLISH_SUFFIX)) {
            Map<String, String> texts = MessageBundles.read(file);
            assertThat(texts.entrySet()).as(file).noneMatch(text -> text.getValue().isBlank());
        }
    }

    @Test
    void aKeyLivesInOneBundleOnly() {
        Map<String, String> owner = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String basename : registeredBasenames()) {
            for (String key : MessageBundles.read(basename).keySet()) {
                String previous = owner.putIfAbsent(key, basename);
                if (previous != null) {
                    duplicates.add(key + " in " + previous + " and " + basename);
                }
            }
        }

        assertThat(duplicates).as("the same key in two bundles: which text wins depends on the basename order").isEmpty();
    }
}
