package dev.chorus.core.member;

import dev.chorus.core.account.User;
import java.time.Instant;

/** A user's membership of a workspace. */
public record Member(User user, Role role, Instant joinedAt) {}
