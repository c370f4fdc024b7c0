/**
 * The employer portal: server-rendered pages (Thymeleaf) over the recovery and sign-in use cases, the
 * dev mailbox of the default profile, and the security chain that guards them. No business rules here:
 * the controllers parse input, call one use case and pick the page that says what to do next.
 */
package ec.gob.iess.claveempleador.portal;
