package dev.bookings.businesses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessIdsTest {

    @Test
    void derivesSmtpLikeIdFromDisplayName() {
        assertEquals("ContosoCuts@contoso.example", BusinessIds.derive("Contoso Cuts", "Contoso.Example", id -> false));
        assertEquals("CafeMunchen@x.example", BusinessIds.derive("Café München!", "x.example", id -> false));
        assertEquals("Business@x.example", BusinessIds.derive("★★★", "x.example", id -> false));
    }

    @Test
    void appendsANumberWhileTaken() {
        Set<String> taken = Set.of("ContosoCuts@x.example", "ContosoCuts1@x.example");
        assertEquals("ContosoCuts2@x.example", BusinessIds.derive("Contoso Cuts", "x.example", taken::contains));
    }

    @Test
    void boundsTheLocalPart() {
        assertEquals(BusinessIds.MAX_LOCAL_PART, BusinessIds.localPart("a".repeat(500)).length());
    }
}
