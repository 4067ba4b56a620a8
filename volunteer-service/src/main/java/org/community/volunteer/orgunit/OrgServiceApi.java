package org.community.volunteer.orgunit;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The two reads of org-service's contract this service needs, passing the caller's Authorization header on. Only {@link OrgDirectory} uses it. */
@RegisterRestClient(configKey = "org-service")
@RegisterClientHeaders
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
interface OrgServiceApi {

    @GET
    @Path("{id}")
    OrgServiceUnit unit(@PathParam("id") UUID id);

    @GET
    @Path("{id}/ancestors")
    List<OrgServiceUnit> ancestors(@PathParam("id") UUID id);
}
