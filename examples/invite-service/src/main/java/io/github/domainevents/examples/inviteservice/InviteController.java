package io.github.domainevents.examples.inviteservice;

import java.io.Serial;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API: {@code POST /invites}, {@code GET /invites}, {@code GET /invites/{id}} and {@code
 * GET /mails}. Errors are RFC 9457 problem details.
 */
@RestController
class InviteController {
  /** Deliberately plain: letters, digits and {@code . _ % + -}, one {@code @}, a dotted domain. */
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private final Invites invites;
  private final SentMails mails;

  InviteController(Invites invites, SentMails mails) {
    this.invites = invites;
    this.mails = mails;
  }

  /**
   * The body of {@code POST /invites}.
   *
   * @param email where the invite goes
   */
  record InviteRequest(@Nullable String email) {}

  @PostMapping("/invites")
  ResponseEntity<Invite> create(@RequestBody InviteRequest request) {
    String email = request.email();
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new InvalidInviteException(
          "email must look like name@example.com, was "
              + (email == null ? "missing" : "'" + email + "'"));
    }
    Invite created = invites.create(email);
    // Read again: the transaction has committed and the welcome mail has gone out meanwhile.
    Invite invite = invites.find(created.id()).orElse(created);
    return ResponseEntity.created(URI.create("/invites/" + invite.id())).body(invite);
  }

  @GetMapping("/invites")
  List<Invite> all() {
    return invites.all();
  }

  @GetMapping("/invites/{id}")
  ResponseEntity<Invite> one(@PathVariable long id) {
    return ResponseEntity.of(invites.find(id));
  }

  @GetMapping("/mails")
  List<SentMails.SentMail> mails() {
    return mails.all();
  }

  @ExceptionHandler
  ProblemDetail refused(InviteRefusedException refused) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        refused.getMessage() + "; the invite was rolled back and no mail was sent");
  }

  @ExceptionHandler
  ProblemDetail duplicate(DuplicateKeyException duplicate) {
    return problem(HttpStatus.CONFLICT, "this address has an invite already");
  }

  @ExceptionHandler
  ProblemDetail invalid(InvalidInviteException invalid) {
    return problem(HttpStatus.BAD_REQUEST, invalid.getMessage());
  }

  /** A request the service cannot turn into an invite. */
  static final class InvalidInviteException extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    InvalidInviteException(String message) {
      super(message);
    }

    @Override
    public String getMessage() {
      return String.valueOf(super.getMessage());
    }
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }
}
