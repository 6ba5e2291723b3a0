package io.scimsync.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scimsync.standalone.e2e.CaseVariables.UnknownVariableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case replayer's own behaviour, on small JSON samples and against a stub HTTP server, so
 * that a replayer bug cannot hide a server bug.
 */
class CaseReplayerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Nested
    class PathResolution {

        private final JsonNode user = json("""
                {"id": "u1", "name": {"givenName": "Alice"}, "nickName": null,
                 "emails": [{"type": "home", "value": "a@home"}, {"type": "Work", "value": "a@work"}],
                 "flags": [{"primary": true, "value": "p"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                     {"department": "R&D", "manager": {"value": "m1"}},
                 "Resources": [{"id": "r0"}, {"id": "r1"}]}
                """);

        @Test
        void namesIgnoreCaseByDefault() {
            assertThat(JsonPath.resolve(user, "NAME.givenname")).contains(json("\"Alice\""));
        }

        @Test
        void exactNamesMissOtherCase() {
            assertThat(JsonPath.resolve(user, "name.givenName", true)).isPresent();
            assertThat(JsonPath.resolve(user, "Name.givenName", true)).isEmpty();
        }

        @Test
        void urnMemberIsOneStep() {
            String department =
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department";

            assertThat(JsonPath.resolve(user, department)).contains(json("\"R&D\""));
        }

        @Test
        void urnMemberNamesIgnoreCase() {
            String manager =
                    "URN:ietf:params:scim:schemas:extension:enterprise:2.0:user.manager.value";

            assertThat(JsonPath.resolve(user, manager)).contains(json("\"m1\""));
        }

        @Test
        void wholeUrnPathReturnsExtension() {
            String extension = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

            assertThat(JsonPath.resolve(user, extension).map(JsonNode::size)).contains(2);
        }

        @Test
        void longestUrnMemberWins() {
            JsonNode document = json("""
                    {"urn:x:1.0": {"a": "short"}, "urn:x:1.0:Ext": {"a": "long"}}
                    """);

            assertThat(JsonPath.resolve(document, "urn:x:1.0:Ext.a")).contains(json("\"long\""));
            assertThat(JsonPath.resolve(document, "urn:x:1.0.a")).contains(json("\"short\""));
        }

        @Test
        void numberIndexesArray() {
            assertThat(JsonPath.resolve(user, "Resources.1.id")).contains(json("\"r1\""));
        }

        @Test
        void indexPastEndIsAbsent() {
            assertThat(JsonPath.resolve(user, "Resources.2.id")).isEmpty();
        }

        @Test
        void nameOnArrayIsAbsent() {
            assertThat(JsonPath.resolve(user, "Resources.id")).isEmpty();
        }

        @Test
        void selectorPicksItemIgnoringCase() {
            assertThat(JsonPath.resolve(user, "emails[type=work].value"))
                    .contains(json("\"a@work\""));
        }

        @Test
        void selectorMatchesBooleanText() {
            assertThat(JsonPath.resolve(user, "flags[primary=TRUE].value"))
                    .contains(json("\"p\""));
        }

        @Test
        void selectorWithoutMatchIsAbsent() {
            assertThat(JsonPath.resolve(user, "emails[type=other].value")).isEmpty();
        }

        @Test
        void selectorOnObjectIsAbsent() {
            assertThat(JsonPath.resolve(user, "name[givenName=Alice]")).isEmpty();
        }

        @Test
        void nullMemberIsPresent() {
            assertThat(JsonPath.resolve(user, "nickName")).contains(json("null"));
        }

        @Test
        void stepIntoStringIsAbsent() {
            assertThat(JsonPath.resolve(user, "id.length")).isEmpty();
        }

        @Test
        void malformedPathIsAbsent() {
            assertThat(JsonPath.resolve(user, "name..givenName")).isEmpty();
            assertThat(JsonPath.resolve(user, "emails[type].value")).isEmpty();
        }
    }

    @Nested
    class Matching {

        @Test
        void numbersCompareByValue() {
            assertThat(JsonValues.jsonEquals(json("1"), json("1.0"))).isTrue();
            assertThat(JsonValues.jsonEquals(json("1"), json("2"))).isFalse();
        }

        @Test
        void booleanNeverEqualsNumber() {
            assertThat(JsonValues.jsonEquals(json("true"), json("1"))).isFalse();
        }

        @Test
        void stringNeverEqualsNumber() {
            assertThat(JsonValues.jsonEquals(json("\"1\""), json("1"))).isFalse();
        }

        @Test
        void arraysCompareInOrder() {
            assertThat(JsonValues.jsonEquals(json("[1, 2]"), json("[1, 2]"))).isTrue();
            assertThat(JsonValues.jsonEquals(json("[1, 2]"), json("[2, 1]"))).isFalse();
            assertThat(JsonValues.jsonEquals(json("[1]"), json("[1, 2]"))).isFalse();
        }

        @Test
        void objectsInsideArraysCompareWhole() {
            JsonNode expected = json("[{\"a\": 1}]");

            assertThat(JsonValues.jsonEquals(expected, json("[{\"a\": 1.0}]"))).isTrue();
            assertThat(JsonValues.jsonEquals(expected, json("[{\"A\": 1}]"))).isFalse();
            assertThat(JsonValues.jsonEquals(expected, json("[{\"a\": 1, \"b\": 2}]"))).isFalse();
        }

        @Test
        void expectedObjectIsSubset() {
            JsonNode actual = json("{\"name\": \"User\", \"endpoint\": \"/Users\", \"x\": 1}");

            assertThat(JsonValues.matches(json("{\"NAME\": \"User\"}"), Optional.of(actual)))
                    .isTrue();
            assertThat(JsonValues.matches(json("{\"name\": \"Group\"}"), Optional.of(actual)))
                    .isFalse();
        }

        @Test
        void expectedObjectKeysAreDottedPaths() {
            JsonNode actual = json("{\"meta\": {\"resourceType\": \"User\"}}");

            assertThat(JsonValues.matches(json("{\"meta.resourceType\": \"User\"}"),
                    Optional.of(actual))).isTrue();
        }

        @Test
        void expectedObjectNeedsObject() {
            assertThat(JsonValues.matches(json("{}"), Optional.of(json("[]")))).isFalse();
        }

        @Test
        void absentNeverMatches() {
            assertThat(JsonValues.matches(json("null"), Optional.empty())).isFalse();
            assertThat(JsonValues.matches(json("{}"), Optional.empty())).isFalse();
        }

        @Test
        void textOfNonStringIsJson() {
            assertThat(JsonValues.text(json("\"a b\""))).isEqualTo("a b");
            assertThat(JsonValues.text(json("true"))).isEqualTo("true");
            assertThat(JsonValues.text(json("42"))).isEqualTo("42");
        }

        @Test
        void shownValueIsCut() {
            String longText = "\"" + "x".repeat(200) + "\"";

            assertThat(JsonValues.shown(Optional.of(json(longText)))).hasSize(120);
            assertThat(JsonValues.shown(Optional.empty())).isEqualTo("(absent)");
        }
    }

    @Nested
    class Placeholders {

        private final CaseVariables variables =
                new CaseVariables(name -> name.equals("TENANT") ? "acme" : null);

        @Test
        void runIsFixedPerReplay() {
            String first = variables.fill("{{run}}");

            assertThat(first).matches("[0-9a-f]{8}");
            assertThat(variables.fill("{{run}}")).isEqualTo(first);
            assertThat(variables.fill("{{RUN}}")).isEqualTo(first.toUpperCase());
        }

        @Test
        void uuidIsNewEachTime() {
            String both = variables.fill("{{uuid}} {{uuid}}");
            String[] values = both.split(" ");

            assertThat(values[0]).matches("[0-9a-f-]{36}");
            assertThat(values[0]).isNotEqualTo(values[1]);
        }

        @Test
        void randIsTwelveHexDigits() {
            assertThat(variables.fill("{{rand}}")).matches("[0-9a-f]{12}");
        }

        @Test
        void environmentVariableIsRead() {
            assertThat(variables.fill("t-{{env_TENANT}}")).isEqualTo("t-acme");
        }

        @Test
        void missingEnvironmentVariableFails() {
            assertThatThrownBy(() -> variables.fill("{{env_NOPE}}"))
                    .isInstanceOf(UnknownVariableException.class)
                    .hasMessage("environment variable NOPE is not set");
        }

        @Test
        void capturedValueIsSubstituted() {
            variables.capture("id", json("\"u$1\""));
            variables.capture("count", json("3"));

            assertThat(variables.fill("/Users/{{id}}?n={{count}}")).isEqualTo("/Users/u$1?n=3");
        }

        @Test
        void unknownVariableFails() {
            assertThatThrownBy(() -> variables.fill("/Users/{{alice}}"))
                    .isInstanceOf(UnknownVariableException.class)
                    .hasMessage("variable alice was never captured");
        }

        @Test
        void jsonValuesAreFilledButNamesNot() {
            variables.capture("g", json("\"g1\""));

            JsonNode filled = variables.fill(json("{\"{{g}}\": [\"{{g}}\", 1, {\"v\": \"{{g}}\"}]}"));

            assertThat(filled).isEqualTo(json("{\"{{g}}\": [\"g1\", 1, {\"v\": \"g1\"}]}"));
        }
    }

    @Nested
    class Encoding {

        @Test
        void filterValueIsPercentEncoded() {
            assertThat(RequestTarget.encode("/Users?filter=userName eq \"a b@c.example\""))
                    .isEqualTo("/Users?filter=userName%20eq%20%22a%20b@c.example%22");
        }

        @Test
        void safePunctuationStays() {
            assertThat(RequestTarget.percentEncode("a,b:c@d/e-f.g_h~i"))
                    .isEqualTo("a,b:c@d/e-f.g_h~i");
        }

        @Test
        void percentAndReservedCharactersAreEncoded() {
            assertThat(RequestTarget.percentEncode("100%&=?#[]+"))
                    .isEqualTo("100%25%26%3D%3F%23%5B%5D%2B");
        }

        @Test
        void nonAsciiIsEncodedAsUtf8() {
            assertThat(RequestTarget.percentEncode("é")).isEqualTo("%C3%A9");
        }

        @Test
        void parameterWithoutValueStays() {
            assertThat(RequestTarget.encode("/Users?aadOptscim062020&filter=a b"))
                    .isEqualTo("/Users?aadOptscim062020&filter=a%20b");
        }

        @Test
        void spaceInPathIsEncoded() {
            assertThat(RequestTarget.encode("/Users/a b")).isEqualTo("/Users/a%20b");
        }
    }

    @Nested
    class Reading {

        @Test
        void everyEntraCaseFileLoads() throws IOException {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:entra/*.json");

            assertThat(files).isNotEmpty();
            for (Resource file : files) {
                ScimCase scimCase = CaseReplayer.load("entra/" + file.getFilename());
                assertThat(scimCase.steps()).as(file.getFilename()).isNotEmpty();
            }
        }

        @Test
        void unknownExpectationKeyIsRejected() {
            String text = """
                    {"name": "c", "steps": [{"method": "GET", "path": "/Users",
                      "expect": {"jsons": {"a": 1}}}]}
                    """;

            assertThatThrownBy(() -> CaseReplayer.parse(text, "sample"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown key \"jsons\"");
        }

        @Test
        void stepWithoutMethodIsRejected() {
            String text = "{\"name\": \"c\", \"steps\": [{\"path\": \"/Users\"}]}";

            assertThatThrownBy(() -> CaseReplayer.parse(text, "sample"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("step 1 needs a string \"method\"");
        }

        @Test
        void singleStatusBecomesList() {
            String text = """
                    {"name": "c", "steps": [{"method": "GET", "path": "/Users",
                      "expect": {"status": 200}}, {"method": "GET", "path": "/Users",
                      "expect": {"status": [200, 204]}}]}
                    """;

            ScimCase scimCase = CaseReplayer.parse(text, "sample");

            assertThat(scimCase.steps().get(0).expect().statuses()).containsExactly(200);
            assertThat(scimCase.steps().get(1).expect().statuses()).containsExactly(200, 204);
            assertThat(scimCase.steps().get(0).name()).isEqualTo("GET /Users");
        }
    }

    /** Replays small cases against a stub server on 127.0.0.1 that records what it receives. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Replay {

        private static final String LIST = """
                {"totalResults": 1, "Resources": [{"id": "u1", "userName": "Alice@Example.com",
                 "members": [], "emails": [{"type": "work", "value": "a@x"}]}]}
                """;

        private final List<Recorded> received = new CopyOnWriteArrayList<>();
        private HttpServer server;
        private String scimUrl;

        record Recorded(String method, String target, Headers headers, String body) {
        }

        @BeforeAll
        void startServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/scim/v2/", this::respond);
            server.start();
            scimUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2";
        }

        @AfterAll
        void stopServer() {
            server.stop(0);
        }

        @BeforeEach
        void forgetRequests() {
            received.clear();
        }

        /**
         * {@code /Users} lists one user in a chunked body, {@code /Users/u1} returns it with a
         * {@code Content-Length}, {@code /text} returns plain text, {@code /empty} 204, and every
         * other path 200 with {@code {}}.
         */
        private void respond(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Recorded(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + query(exchange),
                    exchange.getRequestHeaders(), body));
            switch (exchange.getRequestURI().getRawPath()) {
                case "/scim/v2/Users" -> send(exchange, 200, "application/scim+json", LIST, true);
                case "/scim/v2/Users/u1" -> send(exchange, 200, "application/scim+json",
                        "{\"id\": \"u1\"}", false);
                case "/scim/v2/text" -> send(exchange, 200, "text/plain", "not json", false);
                case "/scim/v2/empty" -> {
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                }
                default -> send(exchange, 200, "application/scim+json", "{}", false);
            }
        }

        private static String query(HttpExchange exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            return query == null ? "" : "?" + query;
        }

        private static void send(HttpExchange exchange, int status, String contentType,
                String body, boolean chunked) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private List<StepResult> replay(String steps) {
            ScimCase scimCase = CaseReplayer.parse("{\"name\": \"sample\", \"steps\": " + steps + "}",
                    "sample");
            return new CaseReplayer(scimUrl, "tenant-token", name -> null).replay(scimCase);
        }

        private StepResult replayOne(String step) {
            return replay("[" + step + "]").get(0);
        }

        @Test
        void rightExpectationsOfEveryKindPass() {
            StepResult result = replayOne("""
                    {"method": "GET", "path": "/Users", "expect": {"status": [200, 204],
                      "json": {"totalResults": 1, "Resources.0.emails[type=work].value": "a@x"},
                      "json_ci": {"Resources.0.userName": "alice@example.com"},
                      "absent": ["Resources.0.Members", "Resources.0.groups"],
                      "len": {"Resources": 1},
                      "contains": {"Resources": [{"id": "u1"}]},
                      "header": {"content-type": "application/scim"}}}
                    """);

            assertThat(result.problems()).isEmpty();
            assertThat(result.status()).isEqualTo(200);
        }

        @Test
        void everyWrongExpectationIsReported() {
            StepResult result = replayOne("""
                    {"method": "GET", "path": "/Users", "expect": {"status": 201,
                      "json": {"totalResults": 2, "Resources.0.nickName": null},
                      "json_ci": {"Resources.0.userName": "bob@example.com"},
                      "absent": ["Resources.0.members"],
                      "len": {"Resources": 2, "totalResults": 1},
                      "contains": {"Resources": [{"id": "u2"}, {"id": "u1"}]},
                      "header": {"Content-Type": "text/html", "Location": "http"}}}
                    """);

            assertThat(result.passed()).isFalse();
            assertThat(result.problems()).containsExactly(
                    "status 200, expected 201",
                    "totalResults = 1, expected 2",
                    "Resources.0.nickName = (absent), expected null",
                    "Resources.0.userName = \"Alice@Example.com\", expected \"bob@example.com\""
                            + " in any case",
                    "Resources.0.members present, expected absent",
                    "Resources has 1 items, expected 2",
                    "totalResults has 1 items, expected 1",
                    "Resources lacks {\"id\":\"u2\"}",
                    "header Content-Type = \"application/scim+json\", expected \"text/html\"",
                    "header Location = (absent), expected \"http\"");
        }

        @Test
        void captureFeedsLaterSteps() {
            List<StepResult> results = replay("""
                    [{"method": "GET", "path": "/Users", "capture": {"u": "Resources.0.id"}},
                     {"method": "GET", "path": "/Users/{{u}}", "expect": {"json": {"id": "{{u}}"}}}]
                    """);

            assertThat(results).allMatch(StepResult::passed);
            assertThat(received.get(1).target()).isEqualTo("/scim/v2/Users/u1");
        }

        @Test
        void failedCaptureFailsLaterStep() {
            List<StepResult> results = replay("""
                    [{"method": "GET", "path": "/Users", "capture": {"u": "Resources.5.id"}},
                     {"method": "GET", "path": "/Users/{{u}}"}]
                    """);

            assertThat(results.get(0).problems())
                    .containsExactly("cannot capture u from Resources.5.id");
            assertThat(results.get(1).problems()).containsExactly("variable u was never captured");
            assertThat(results.get(1).status()).isEqualTo(-1);
            assertThat(received).hasSize(1);
        }

        @Test
        void noCaptureWhenCheckFails() {
            List<StepResult> results = replay("""
                    [{"method": "GET", "path": "/Users", "expect": {"status": 201},
                      "capture": {"u": "Resources.0.id"}},
                     {"method": "GET", "path": "/Users/{{u}}"}]
                    """);

            assertThat(results.get(1).problems()).containsExactly("variable u was never captured");
        }

        @Test
        void requestCarriesDefaultHeadersOnly() {
            replayOne("""
                    {"method": "POST", "path": "/echo", "body": {"userName": "u-{{run}}"}}
                    """);

            Recorded request = received.get(0);
            assertThat(request.headers().getFirst("Accept")).isEqualTo("application/scim+json");
            assertThat(request.headers().getFirst("Content-Type"))
                    .isEqualTo("application/scim+json; charset=utf-8");
            assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer tenant-token");
            assertThat(request.headers().containsKey("User-Agent")).isFalse();
            assertThat(json(request.body()).path("userName").asString()).matches("u-[0-9a-f]{8}");
        }

        @Test
        void noBodyMeansNoContentType() {
            replayOne("{\"method\": \"GET\", \"path\": \"/echo\"}");

            assertThat(received.get(0).headers().containsKey("Content-Type")).isFalse();
            assertThat(received.get(0).body()).isEmpty();
        }

        @Test
        void nullHeaderLeavesDefaultOut() {
            replayOne("""
                    {"method": "GET", "path": "/echo", "headers": {"accept": null, "X-Extra": "1"}}
                    """);

            assertThat(received.get(0).headers().containsKey("Accept")).isFalse();
            assertThat(received.get(0).headers().getFirst("X-Extra")).isEqualTo("1");
        }

        @Test
        void stepHeaderReplacesDefault() {
            replayOne("""
                    {"method": "POST", "path": "/echo", "body": {},
                     "headers": {"content-type": "application/json", "User-Agent": "Entra"}}
                    """);

            assertThat(received.get(0).headers().get("Content-Type"))
                    .containsExactly("application/json");
            assertThat(received.get(0).headers().getFirst("User-Agent")).isEqualTo("Entra");
        }

        @Test
        void tokenNoneSendsNoAuthorization() {
            replayOne("{\"method\": \"GET\", \"path\": \"/echo\", \"token\": \"none\"}");

            assertThat(received.get(0).headers().containsKey("Authorization")).isFalse();
        }

        @Test
        void tokenBadSendsInvalidToken() {
            replayOne("{\"method\": \"GET\", \"path\": \"/echo\", \"token\": \"bad\"}");

            assertThat(received.get(0).headers().getFirst("Authorization"))
                    .isEqualTo("Bearer not-a-valid-token");
        }

        @Test
        void literalTokenIsSent() {
            replayOne("{\"method\": \"GET\", \"path\": \"/echo\", \"token\": \"other\"}");

            assertThat(received.get(0).headers().getFirst("Authorization"))
                    .isEqualTo("Bearer other");
        }

        @Test
        void queryIsEncodedUnlessRaw() {
            replay("""
                    [{"method": "GET", "path": "/echo?aadOptscim062020&filter=userName eq \\"a b\\""},
                     {"method": "GET", "path": "/echo?filter=%41", "raw": true}]
                    """);

            assertThat(received.get(0).target())
                    .isEqualTo("/scim/v2/echo?aadOptscim062020&filter=userName%20eq%20%22a%20b%22");
            assertThat(received.get(1).target()).isEqualTo("/scim/v2/echo?filter=%41");
        }

        @Test
        void stringBodyIsSentAsWritten() {
            replayOne("""
                    {"method": "POST", "path": "/echo", "body": "{\\"a\\": [{{run}}"}
                    """);

            assertThat(received.get(0).body()).isEqualTo("{\"a\": [{{run}}");
        }

        @Test
        void textBodyFailsBodyChecks() {
            StepResult result = replayOne("""
                    {"method": "GET", "path": "/text", "expect": {"status": 200, "json": {}}}
                    """);

            assertThat(result.problems()).containsExactly("body is not JSON");
        }

        @Test
        void textBodyPassesStatusCheck() {
            StepResult result = replayOne("""
                    {"method": "GET", "path": "/text", "expect": {"status": 200}}
                    """);

            assertThat(result.problems()).isEmpty();
        }

        @Test
        void emptyBodyFailsValueChecks() {
            StepResult result = replayOne("""
                    {"method": "DELETE", "path": "/empty",
                     "expect": {"status": 204, "json": {"id": "x"}, "absent": ["id"],
                                "len": {"a": 0}, "contains": {"a": [1]}}}
                    """);

            assertThat(result.problems()).containsExactly(
                    "id = (absent), expected \"x\"",
                    "a has (absent) items, expected 0",
                    "a lacks 1");
        }

        @Test
        void unreachableServerFailsStep() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1,
                    InetAddress.getByName("127.0.0.1"))) {
                closedPort = socket.getLocalPort();
            }
            ScimCase scimCase = CaseReplayer.parse(
                    "{\"name\": \"c\", \"steps\": [{\"method\": \"GET\", \"path\": \"/Users\"}]}", "c");

            StepResult result = new CaseReplayer("http://127.0.0.1:" + closedPort + "/scim/v2",
                    "t", name -> null).replay(scimCase).get(0);

            assertThat(result.status()).isEqualTo(-1);
            assertThat(result.problems()).singleElement().asString().startsWith("no response: ");
        }

        @Test
        void failureDescriptionShowsRequestAndResponse() {
            StepResult result = replayOne("""
                    {"name": "create", "method": "POST", "path": "/Users/u1",
                     "body": {"a": 1}, "expect": {"status": 201}}
                    """);

            assertThat(result.describe()).isEqualTo("""
                    FAIL #1 create [200]: status 200, expected 201
                           request:  POST /scim/v2/Users/u1 {"a":1}
                           response: 200 {"id": "u1"}""");
        }
    }
}
