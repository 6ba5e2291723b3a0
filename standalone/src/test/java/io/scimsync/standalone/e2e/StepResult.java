package io.scimsync.standalone.e2e;

import java.util.List;

/**
 * The outcome of one replayed step.
 *
 * @param number the step's position in its case file, from 1
 * @param name the step's name
 * @param status the response's HTTP status, or -1 when no response was read
 * @param problems what did not match, empty when the step passed
 * @param request the request line and body that were sent, without headers, so without the token
 * @param response the response's status and the start of its body, or {@code (none)}
 */
public record StepResult(int number, String name, int status, List<String> problems,
        String request, String response) {

    public boolean passed() {
        return problems.isEmpty();
    }

    /** Returns one line for a passed step, or the problems, request and response of a failed one. */
    public String describe() {
        String label = "#" + number + " " + name + " [" + (status < 0 ? "-" : status) + "]";
        if (passed()) {
            return "ok   " + label;
        }
        return "FAIL " + label + ": " + String.join("; ", problems)
                + "\n       request:  " + request
                + "\n       response: " + response;
    }
}
