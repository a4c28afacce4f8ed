package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.ListResponse;
import dev.patchbay.scim.ScimMediaType;
import dev.patchbay.scim.error.ScimException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code POST /.search} across Users and Groups (RFC 7644 §3.4.3): users first, then groups. A filter
 * attribute that one resource type lacks matches nothing of that type.
 */
@Path("/scim/v2/{connection}/.search")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class RootSearchResource {

    private final UsersResource users;
    private final GroupsResource groups;
    private final ScimRequests requests;

    public RootSearchResource(UsersResource users, GroupsResource groups, ScimRequests requests) {
        this.users = users;
        this.groups = groups;
        this.requests = requests;
    }

    @POST
    public ListResponse<ObjectNode> search(String body, UriInfo uriInfo) {
        ListRequest request = SearchRequests.read(requests.object(body), requests.maxResults());
        if (request.cursor() != null) {
            throw new ScimException(400, "invalidValue", "Cursor paging is offered per resource type: search "
                    + "/Users/.search or /Groups/.search");
        }
        ListResponse<ObjectNode> userCount = count(request, r -> users.search(r, uriInfo));
        ListResponse<ObjectNode> groupCount = count(request, r -> groups.search(r, uriInfo));
        if (userCount == null && groupCount == null) {
            throw new ScimException(400, "invalidFilter", "The filter names attributes neither Users nor Groups have");
        }
        long userTotal = userCount == null ? 0 : userCount.totalResults();
        long groupTotal = groupCount == null ? 0 : groupCount.totalResults();
        int offset = request.startIndex() - 1;
        List<ObjectNode> resources = new ArrayList<>();
        if (offset < userTotal && request.count() > 0) {
            resources.addAll(users.search(request.window(offset, request.count()), uriInfo).resources());
        }
        int remaining = request.count() - resources.size();
        if (remaining > 0 && groupCount != null) {
            int groupOffset = (int) Math.max(0, offset - userTotal);
            resources.addAll(groups.search(request.window(groupOffset, remaining), uriInfo).resources());
        }
        return ListResponse.of(resources, userTotal + groupTotal, request.startIndex());
    }

    /** The total for one resource type, or null when the filter does not apply to it. */
    private static ListResponse<ObjectNode> count(ListRequest request,
            Function<ListRequest, ListResponse<ObjectNode>> search) {
        try {
            return search.apply(request.window(0, 0));
        } catch (ScimException e) {
            if ("invalidFilter".equals(e.scimType()) || "invalidValue".equals(e.scimType())) {
                return null;
            }
            throw e;
        }
    }
}
