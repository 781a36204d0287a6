package io.github.domainevents.examples.inviteservice;

import java.io.Serial;

/** A policy refused an invite after it was inserted; the transaction rolls it back. */
final class InviteRefusedException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  InviteRefusedException(String message) {
    super(message);
  }

  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }
}
