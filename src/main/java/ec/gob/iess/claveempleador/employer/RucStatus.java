package ec.gob.iess.claveempleador.employer;

/** The RUC's standing in the SRI, as the registry records it. */
public enum RucStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
