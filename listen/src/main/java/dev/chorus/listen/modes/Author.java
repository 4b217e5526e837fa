package dev.chorus.listen.modes;

/** Who wrote an item, as the pipeline knows it. */
public enum Author {
  /** Anyone outside the team. */
  OUTSIDER,
  /** A team member's own account (not the brand's). */
  TEAM,
  /** The brand's connected account itself. */
  US
}
