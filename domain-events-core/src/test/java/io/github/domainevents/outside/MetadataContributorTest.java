package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.MetadataContributor;
import io.github.domainevents.Registration;
import io.github.domainevents.outside.CausalFixtures.StockReserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MetadataContributor} and {@link EventDefaults#addMetadataContributor}. Contributors are
 * process-wide, so every registration a test makes is closed after it.
 */
class MetadataContributorTest {
  private final List<Registration> registrations = new ArrayList<>();

  private Registration add(MetadataContributor contributor) {
    Registration registration = EventDefaults.addMetadataContributor(contributor);
    registrations.add(registration);
    return registration;
  }

  @AfterEach
  void removeEveryContributorThisTestAdded() {
    registrations.forEach(Registration::close);
    assertThat(EventHeader.create().metadata())
        .as("no contributor is left installed")
        .isEmpty();
  }

  @Test
  void contributedEntriesAppearInEveryHeaderMadeFromTheContext() {
    add(metadata -> metadata.put("tenant", "acme"));

    assertThat(EventHeader.create().metadata()).containsExactly(entry("tenant", "acme"));
    assertThat(EventHeader.builder().build().metadata()).containsExactly(entry("tenant", "acme"));
    assertThat(new StockReserved().metadata()).containsExactly(entry("tenant", "acme"));
  }

  @Test
  void headersMadeWithOfAreNotTouched() {
    add(metadata -> metadata.put("tenant", "acme"));

    EventHeader read = EventHeader.of(UUID.randomUUID(), Instant.EPOCH, null, null, Map.of());
    EventHeader readWithMetadata =
        EventHeader.of(UUID.randomUUID(), Instant.EPOCH, null, null, Map.of("source", "json"));

    assertThat(read.metadata()).isEmpty();
    assertThat(readWithMetadata.metadata()).containsExactly(entry("source", "json"));
  }

  @Test
  void contributorsRunInTheOrderAddedAndSeeWhatEarlierOnesPut() {
    add(metadata -> metadata.put("first", 1));
    add(metadata -> metadata.put("second", (Integer) metadata.get("first") + 1));
    add(metadata -> metadata.put("first", 10));

    Map<String, Object> metadata = EventHeader.create().metadata();

    assertThat(metadata).containsExactly(entry("first", 10), entry("second", 2));
  }

  @Test
  void builderEntriesAreAddedToContributedOnesAndAReplacingMapWins() {
    add(metadata -> metadata.put("tenant", "acme"));

    assertThat(EventHeader.builder().metadata("user", "ada").build().metadata())
        .containsExactly(entry("tenant", "acme"), entry("user", "ada"));
    assertThat(EventHeader.builder().metadata("tenant", "globex").build().metadata())
        .containsExactly(entry("tenant", "globex"));
    assertThat(EventHeader.builder().metadata(Map.of("user", "ada")).build().metadata())
        .containsExactly(entry("user", "ada"));
  }

  @Test
  void closingTheRegistrationRemovesTheContributorAndClosingAgainIsHarmless() {
    Registration tenant = add(metadata -> metadata.put("tenant", "acme"));
    add(metadata -> metadata.put("region", "eu"));

    tenant.close();
    assertThat(EventHeader.create().metadata()).containsExactly(entry("region", "eu"));

    tenant.close();
    assertThat(EventHeader.create().metadata()).containsExactly(entry("region", "eu"));
  }

  @Test
  void theSameContributorAddedTwiceIsRemovedOncePerRegistrationEvenWhenClosedTwice() {
    List<String> calls = new ArrayList<>();
    MetadataContributor counting = metadata -> calls.add("called");
    Registration first = add(counting);
    add(counting);

    first.close();
    first.close();
    EventHeader.create();

    assertThat(calls).as("the second registration is still installed").hasSize(1);
  }

  @Test
  void closingOneRegistrationOfAContributorAddedTwiceRemovesThatRegistrationNotTheFirst() {
    MetadataContributor source = metadata -> metadata.put("source", "first");
    add(source);
    add(metadata -> metadata.put("source", "second"));
    Registration again = add(source);
    assertThat(EventHeader.create().metadata()).containsExactly(entry("source", "first"));

    again.close();

    assertThat(EventHeader.create().metadata())
        .as("the contributors left run in the order they were added: first, then second")
        .containsExactly(entry("source", "second"));
  }

  @Test
  void aContributorPuttingANullValueFailsCreationWithTheMetadataMessage() {
    add(metadata -> metadata.put("traceparent", null));

    assertThatThrownBy(EventHeader::create)
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("metadata['traceparent'] is null")
        .hasMessageContaining("metadata values must not be null");
    assertThatThrownBy(StockReserved::new).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aContributorPuttingABlankKeyFailsCreationNamingTheKey() {
    add(metadata -> metadata.put(" ", "x"));

    assertThatThrownBy(EventHeader::create)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata key must not be blank");
  }

  @Test
  void whatAContributorThrowsPropagatesFromTheCreatingCall() {
    IllegalStateException broken = new IllegalStateException("no tenant bound");
    add(metadata -> {
      throw broken;
    });

    assertThatThrownBy(EventHeader::create).isSameAs(broken);
    assertThatThrownBy(EventHeader::builder).isSameAs(broken);
  }

  @Test
  void contributedValuesAreCopiedSoTheContributorCannotChangeThemLater() {
    List<String> tags = new ArrayList<>(List.of("a"));
    add(metadata -> metadata.put("tags", tags));

    EventHeader header = EventHeader.create();
    tags.add("b");

    assertThat(header.metadata()).containsExactly(entry("tags", List.of("a")));
    assertThatThrownBy(() -> header.metadata().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void eachHeaderGetsAFreshMapFromTheContributors() {
    List<Map<String, Object>> handedOver = new ArrayList<>();
    add(metadata -> {
      assertThat(metadata).isEmpty();
      handedOver.add(metadata);
      metadata.put("n", handedOver.size());
    });

    assertThat(EventHeader.create().metadata()).containsExactly(entry("n", 1));
    assertThat(EventHeader.create().metadata()).containsExactly(entry("n", 2));
    assertThat(handedOver.get(0)).isNotSameAs(handedOver.get(1));
  }

  @Test
  void addingANullContributorIsRejectedNamingIt() {
    assertThatThrownBy(() -> EventDefaults.addMetadataContributor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("contributor");
  }
}
