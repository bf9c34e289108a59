package bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET answers a small JSON object; POST reads a JSON body and answers 204, as cancel does. */
@Path("reference")
public class ReferenceResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return "{\"id\":\"reference\",\"ok\":true}";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void post(String body) {
        // read and dropped: the cost of the request itself is what is measured
    }
}
