package dev.patchbay.sandbox.five9;

import dev.patchbay.sandbox.kit.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;

/** The Five9 simulator's time: the request-limit windows roll when tests move it. */
@ApplicationScoped
public class Five9Clock extends MovableClock {
}
