package org.community.consultation.orgunits;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The two org-service operations this service uses. Only {@link OrgServiceClient} sees it. */
@RegisterClientHeaders
@RegisterRestClient(configKey = "org-service")
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
interface OrgServiceApi {

    @GET
    @Path("{id}")
    RemoteUnit unit(@PathParam("id") UUID id);

    @GET
    @Path("{id}/ancestors")
    List<RemoteUnit> ancestors(@PathParam("id") UUID id);
}
