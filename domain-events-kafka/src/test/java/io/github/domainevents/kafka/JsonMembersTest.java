package io.github.domainevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.wire.EventFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Splitting a JSON object into raw members agrees with a real JSON parser. */
class JsonMembersTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Edge cases off: the nested generator has more of them than tries (jqwik would say so). */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void splittingAndReassemblingKeepsTheDocument(@ForAll("objects") Map<String, Object> object) {
    String json = MAPPER.writeValueAsString(object);
    JsonMembers members = JsonMembers.parse(json, "doc");
    assertThat(members.members().keySet()).containsExactlyElementsOf(object.keySet());
    assertThat(MAPPER.readTree(members.toJson())).isEqualTo(MAPPER.readTree(json));
    for (Map.Entry<String, String> member : members.members().entrySet()) {
      assertThat(MAPPER.readTree(member.getValue()))
          .isEqualTo(MAPPER.valueToTree(object.get(member.getKey())));
    }
  }

  @Property(tries = 300)
  void quotedStringsReadBackAsTheSameString(@ForAll String text) {
    String quoted = JsonMembers.quote(text);
    assertThat(MAPPER.readValue(quoted, String.class)).isEqualTo(text);
    assertThat(JsonMembers.unescape(quoted, "doc")).isEqualTo(text);
    assertThat(JsonMembers.unescape(MAPPER.writeValueAsString(text), "doc")).isEqualTo(text);
  }

  @Test
  void stringValuesAreUnescaped() {
    JsonMembers members = JsonMembers.parse(
        " { \"type\" : \"a\\u00fc\\\"b\\\\\" , \"n\" : 1.5e3 , \"o\":{\"k\":[1,\"}\"]} } ", "doc");
    assertThat(members.string("type", "doc")).isEqualTo("aü\"b\\");
    assertThat(members.raw("n")).isEqualTo("1.5e3");
    assertThat(members.raw("o")).isEqualTo("{\"k\":[1,\"}\"]}");
  }

  @Test
  void deepNestingIsScannedWithoutRecursion() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    JsonMembers members = JsonMembers.parse("{\"deep\":" + deep + "}", "doc");
    assertThat(members.raw("deep")).hasSize(200_000);
  }

  @Test
  void malformedDocumentsAreRejectedNamingTheDocument() {
    for (String bad : List.of("", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x",
        "{\"a\":\"unterminated}", "{a:1}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}")) {
      assertThatThrownBy(() -> {
        JsonMembers members = JsonMembers.parse(bad, "the document");
        members.string("a", "the document");
      }).as(bad).isInstanceOf(EventFormatException.class).hasMessageContaining("the document");
    }
  }

  @Test
  void duplicateMembersAreRejected() {
    assertThatThrownBy(() -> JsonMembers.parse("{\"type\":\"a\",\"type\":\"b\"}", "doc"))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'type' appears twice");
  }

  @Test
  void aNonStringValueIsNotReadAsAString() {
    assertThatThrownBy(() -> JsonMembers.parse("{\"type\":1}", "doc").string("type", "doc"))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'type' must be a string");
  }

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b));
    Arbitrary<Object> nested = Arbitraries.oneOf(
        leaf,
        leaf.list().ofMaxSize(4).map(l -> (Object) l),
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), leaf).ofMaxSize(4)
            .map(m -> (Object) m));
    return Arbitraries.maps(Arbitraries.strings().ofMaxLength(12), nested).ofMaxSize(6)
        .map(LinkedHashMap::new);
  }
}
