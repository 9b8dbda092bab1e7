package io.arbiter.http;

import io.arbiter.policy.CompiledRules;
import io.arbiter.policy.PolicyDocument;
import io.arbiter.policy.PolicyEngine;
import io.arbiter.policy.PolicyError;
import io.arbiter.policy.PolicyFormat;
import io.arbiter.policy.PolicyUpdate;
import io.arbiter.policy.RuleFile;
import io.arbiter.policy.RuleReload;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy and rules in force, and changing them while the service runs.
 *
 * <pre>
 * curl -si localhost:8080/v1/policy                       # ETag: "version"
 * curl -s -X PUT localhost:8080/v1/policy -H 'If-Match: "VERSION"' \
 *      -H 'Content-Type: application/json' -d @policy.json  # 200, 412 stale, 422 invalid
 * curl -s localhost:8080/v1/rules
 * curl -s -X POST localhost:8080/v1/rules/reload          # 200, or 422 with file:line errors
 * </pre>
 */
final class PolicyRoutes {

    private static final Pattern FILE_LINE = Pattern.compile("^(.+?):(\\d+): (.*)$", Pattern.DOTALL);
    private static final long MAX_POLICY_BYTES = 256 * 1024;

    private final PolicyEngine engine;
    private final PolicyChanges changes;

    PolicyRoutes(PolicyEngine engine, PolicyChanges changes) {
        this.engine = engine;
        this.changes = changes;
    }

    void register(Router router) {
        router.get("/v1/policy").handler(this::getPolicy);
        router.put("/v1/policy").handler(BodyHandler.create(false).setBodyLimit(MAX_POLICY_BYTES))
                .handler(this::putPolicy);
        router.get("/v1/rules").handler(this::getRules);
        router.post("/v1/rules/reload").handler(this::reload);
    }

    private void getPolicy(RoutingContext ctx) {
        PolicyDocument doc = engine.current().policy();
        ctx.response().putHeader(HttpHeaders.ETAG, "\"" + doc.version() + "\"");
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(doc.toJson());
    }

    private void putPolicy(RoutingContext ctx) {
        String ifMatch = ctx.request().getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            Responses.error(ctx, 428, "If-Match is required: send the version from GET /v1/policy (its ETag), "
                    + "so that a change made meanwhile is not overwritten");
            return;
        }
        String mediaType = EventRoutes.mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (mediaType == null || PolicyFormat.fromMediaType(mediaType).isEmpty()) {
            Responses.error(ctx, 415, "Content-Type must be application/json or application/yaml");
            return;
        }
        String body = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        ctx.vertx().executeBlocking(() -> engine.updatePolicy(body, mediaType, ifMatch)).onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, 500, "the policy could not be applied: " + done.cause().getMessage());
                return;
            }
            PolicyUpdate update = done.result();
            if (update instanceof PolicyUpdate.Stale s) {
                ctx.response().putHeader(HttpHeaders.ETAG, "\"" + s.currentVersion() + "\"");
                Responses.json(ctx, 412, new JsonObject().put("error", "the policy changed since version "
                        + ifMatch + "; the version in force is " + s.currentVersion() + ": read it again")
                        .put("version", s.currentVersion()));
            } else if (update instanceof PolicyUpdate.Invalid invalid) {
                Responses.json(ctx, 422, new JsonObject().put("errors", policyErrors(invalid.errors())));
            } else if (update instanceof PolicyUpdate.Applied applied) {
                Future.fromCompletionStage(changes.applied(applied.policy()), ctx.vertx().getOrCreateContext())
                        .onComplete(rescored -> {
                            ctx.response().putHeader(HttpHeaders.ETAG, "\"" + applied.policy().version() + "\"");
                            JsonObject answer = new JsonObject(applied.policy().toJson());
                            answer.put("rescored", rescored.succeeded() ? rescored.result() : null);
                            Responses.json(ctx, 200, answer);
                        });
            }
        });
    }

    private static JsonArray policyErrors(List<PolicyError> errors) {
        JsonArray list = new JsonArray();
        for (PolicyError e : errors) {
            JsonObject error = new JsonObject().put("field", e.field()).put("message", e.message());
            if (e.line() > 0) {
                error.put("line", e.line());
            }
            list.add(error);
        }
        return list;
    }

    private void getRules(RoutingContext ctx) {
        Responses.json(ctx, 200, rules(engine.current().rules()));
    }

    private static JsonObject rules(CompiledRules rules) {
        JsonArray files = new JsonArray();
        for (RuleFile f : rules.files()) {
            files.add(new JsonObject().put("name", f.name()).put("loadedAt", f.loadedAt().toString()));
        }
        return new JsonObject().put("revision", rules.revision()).put("loadedAt", rules.loadedAt().toString())
                .put("files", files);
    }

    private void reload(RoutingContext ctx) {
        ctx.vertx().executeBlocking(engine::reloadRules).onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, 500, "the rules could not be reloaded: " + done.cause().getMessage());
            } else if (done.result() instanceof RuleReload.Failed failed) {
                Responses.json(ctx, 422, new JsonObject().put("errors", ruleErrors(failed.problems()))
                        .put("inForce", rules(failed.kept())));
            } else if (done.result() instanceof RuleReload.Reloaded reloaded) {
                Responses.json(ctx, 200, rules(reloaded.rules()).put("changed", reloaded.changed()));
            }
        });
    }

    /** Each {@code file:line: message} problem as {@code {file, line, message}}. */
    static JsonArray ruleErrors(List<String> problems) {
        JsonArray list = new JsonArray();
        for (String p : problems) {
            Matcher m = FILE_LINE.matcher(p);
            list.add(m.matches()
                    ? new JsonObject().put("file", m.group(1)).put("line", Integer.parseInt(m.group(2)))
                    .put("message", m.group(3)).put("text", p)
                    : new JsonObject().put("message", p).put("text", p));
        }
        return list;
    }
}
