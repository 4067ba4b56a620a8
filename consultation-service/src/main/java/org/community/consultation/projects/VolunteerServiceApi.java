package org.community.consultation.projects;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** volunteer-service's project operations. Only {@link VolunteerProjects} sees it. */
@RegisterClientHeaders
@RegisterRestClient(configKey = "volunteer-service")
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface VolunteerServiceApi {

    @POST
    RemoteProject create(@HeaderParam("Idempotency-Key") String idempotencyKey, NewProject project);

    @GET
    @Path("{id}")
    RemoteProject get(@PathParam("id") String id);
}
