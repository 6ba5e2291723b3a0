package io.scimsync.ingress.ops;

/** The broker did not acknowledge an operator's decision, so it was not made; 503. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message) {
        super(message);
    }
}
