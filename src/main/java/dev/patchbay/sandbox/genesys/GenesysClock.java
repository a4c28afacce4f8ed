package dev.patchbay.sandbox.genesys;

import dev.patchbay.sandbox.kit.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;

/** The Genesys simulator's time: tokens expire and rate-limit windows roll when tests move it. */
@ApplicationScoped
public class GenesysClock extends MovableClock {
}
