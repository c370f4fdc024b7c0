package ec.gob.iess.claveempleador.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import ec.gob.iess.claveempleador.recovery.AssistedReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each assisted-attention reason has its words and what to bring, in Spanish and in English, in the bundles alone. */
class AssistedReasonTextsTest {

    private static final Map<String, String> SPANISH = MessageBundles.spanish();
    private static final Map<String, String> ENGLISH = MessageBundles.english();

    @ParameterizedTest(name = "{0}")
    @EnumSource(AssistedReason.class)
    void everyReasonHasItsWordsItsLabelAndWhatToBringInBothLanguages(AssistedReason reason) {
        for (String key : new String[] {reason.wordsKey(), reason.labelKey(), reason.whatToBringKey()}) {
            assertThat(SPANISH).as("Spanish text of %s", key).containsKey(key);
            assertThat(ENGLISH).as("English text of %s", key).containsKey(key);
            assertThat(ENGLISH.get(key)).as("%s is translated", key).isNotEqualTo(SPANISH.get(key));
        }
    }

    @Test
    void eachReasonSaysSomethingOfItsOwn() {
        assertThat(Arrays.stream(AssistedReason.values()).map(reason -> SPANISH.get(reason.wordsKey())))
                .doesNotHaveDuplicates();
        assertThat(Arrays.stream(AssistedReason.values()).map(reason -> SPANISH.get(reason.labelKey())))
                .doesNotHaveDuplicates();
    }

    @Test
    void theEnumHoldsNoTextOfItsOwn() {
        assertThat(AssistedReason.class.getDeclaredFields())
                .as("a text field on the enum would be a second source of the reason's words")
                .allMatch(field -> field.isEnumConstant() || field.isSynthetic());
    }
}
