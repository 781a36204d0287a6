package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.HandleEvent;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A policy that runs during the dispatch, inside the invite's transaction: invites to a blocked
 * domain ({@code invites.blocked-domains}, by default {@code blocked.example}) are refused by
 * throwing, which rolls the insert back, so no welcome mail is ever sent for them.
 */
@Component
class BlockedDomains {
  private final Set<String> blocked;

  BlockedDomains(@Value("${invites.blocked-domains:blocked.example}") List<String> blocked) {
    this.blocked =
        blocked.stream()
            .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Refuses the invite if its domain is blocked.
   *
   * @param invite the invite just inserted
   * @throws InviteRefusedException if the e-mail's domain is blocked
   */
  @HandleEvent
  public void check(InviteCreated invite) {
    String domain = invite.email().substring(invite.email().lastIndexOf('@') + 1);
    if (blocked.contains(domain.toLowerCase(Locale.ROOT))) {
      throw new InviteRefusedException("invites to " + domain + " are refused");
    }
  }
}
