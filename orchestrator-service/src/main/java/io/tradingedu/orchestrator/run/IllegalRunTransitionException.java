package io.tradingedu.orchestrator.run;

/** A requested transition that the run's current state does not allow, e.g. cancelling a completed run. */
public class IllegalRunTransitionException extends RuntimeException {

    public IllegalRunTransitionException(String message) {
        super(message);
    }
}
