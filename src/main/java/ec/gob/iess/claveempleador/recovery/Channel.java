package ec.gob.iess.claveempleador.recovery;

/** Where a recovery was started: the portal or its API, or a centre's Tasklist for a walk-in employer. */
public enum Channel {
    ONLINE,
    CENTRE
}
