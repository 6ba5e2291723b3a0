package io.scimsync.ingress.scim;

import io.scimsync.schemas.ResourceType;
import io.scimsync.store.resource.Membership;
import io.scimsync.store.resource.GroupHierarchy;
import io.scimsync.store.resource.MembershipStore;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns stored resources into SCIM resources: {@code schemas}, {@code id}, the attributes, the
 * user's read-only {@code groups} or the group's {@code members}, and {@code meta}.
 */
@Component
public class ResourceRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ResourceStore resources;
    private final MembershipStore memberships;
    private final GroupHierarchy hierarchy;

    public ResourceRenderer(ResourceStore resources, MembershipStore memberships,
            GroupHierarchy hierarchy) {
        this.resources = resources;
        this.memberships = memberships;
        this.hierarchy = hierarchy;
    }

    /**
     * Renders a resource.
     *
     * @param withMembers whether to load a group's members; false when the request excludes them
     */
    public ObjectNode render(StoredResource resource, String baseUrl, boolean withMembers) {
        return render(resource, baseUrl, withMembers, true);
    }

    /**
     * Renders a resource, with an empty {@code members} list for a group whose members are
     * known to be none, which spares the memberships query.
     *
     * @param mayHaveMembers false for a group known to have no members, such as one just created
     *     from a body without members
     */
    public ObjectNode render(StoredResource resource, String baseUrl, boolean withMembers,
            boolean mayHaveMembers) {
        ObjectNode scim = NODES.objectNode();
        JsonNode schemas = resource.attributes().get("schemas");
        scim.set("schemas", schemas != null ? schemas : NODES.arrayNode().add(resource.type().schema()));
        scim.put("id", resource.id());
        resource.attributes().properties().stream()
                .filter(field -> !field.getKey().equals("schemas"))
                .forEach(field -> scim.set(field.getKey(), field.getValue()));
        if (resource.type() == ResourceType.USER) {
            scim.set("groups", groups(resource, baseUrl));
        } else if (withMembers) {
            scim.set("members", mayHaveMembers ? members(resource, baseUrl) : NODES.arrayNode());
        }
        scim.set("meta", meta(resource, baseUrl));
        return scim;
    }

    public static String location(String baseUrl, ResourceType type, String id) {
        return baseUrl + type.endpoint() + "/" + id;
    }

    public static String version(StoredResource resource) {
        return "W/\"" + resource.version() + "\"";
    }

    /**
     * The user's groups: those it is a member of ({@code type} {@code direct}), then those
     * that contain one of them, at any depth ({@code indirect}).
     */
    private ArrayNode groups(StoredResource user, String baseUrl) {
        ArrayNode groups = NODES.arrayNode();
        if (user.groupIds().isEmpty()) {
            return groups;
        }
        List<StoredResource> direct = resources.findAll(
                user.tenantId(), ResourceType.GROUP, user.groupIds());
        Map<String, StoredResource> byId = direct.stream()
                .collect(Collectors.toMap(StoredResource::id, Function.identity()));
        for (String groupId : user.groupIds()) {
            StoredResource group = byId.get(groupId);
            if (group != null) {
                groups.add(groupValue(group, baseUrl, "direct"));
            }
        }
        hierarchy.enclosingGroups(user.tenantId(), direct).values()
                .forEach(group -> groups.add(groupValue(group, baseUrl, "indirect")));
        return groups;
    }

    private ObjectNode groupValue(StoredResource group, String baseUrl, String type) {
        return NODES.objectNode()
                .put("value", group.id())
                .put("$ref", location(baseUrl, ResourceType.GROUP, group.id()))
                .put("display", group.attributes().path("displayName").asString())
                .put("type", type);
    }

    private ArrayNode members(StoredResource group, String baseUrl) {
        ArrayNode members = NODES.arrayNode();
        List<Membership> direct = memberships.members(group.tenantId(), group.id());
        for (Membership member : direct) {
            members.add(NODES.objectNode()
                    .put("value", member.memberId())
                    .put("$ref", location(baseUrl, member.memberType(), member.memberId()))
                    .put("type", member.memberType().scimName()));
        }
        return members;
    }

    private static ObjectNode meta(StoredResource resource, String baseUrl) {
        return NODES.objectNode()
                .put("resourceType", resource.type().scimName())
                .put("created", resource.created().toString())
                .put("lastModified", resource.lastModified().toString())
                .put("location", location(baseUrl, resource.type(), resource.id()))
                .put("version", version(resource));
    }
}
