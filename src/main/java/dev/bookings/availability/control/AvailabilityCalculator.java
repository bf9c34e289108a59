package dev.bookings.availability.control;

import dev.bookings.platform.WorkHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * One staff member's availability over {@code [from, to)}, as a sequence of items that covers the range without
 * gaps: {@code busy} while one of their booked appointments (with its pre- and post-buffer) runs, else
 * {@code available} inside their working hours, else {@code outOfOffice}. Working hours are local times in the
 * given zone, so daylight-saving changes move them as a wall clock does (a slot that starts in a skipped hour
 * starts when the clock resumes). No working hours at all means available around the clock.
 */
public final class AvailabilityCalculator {

    public static final String AVAILABLE = "available";
    public static final String BUSY = "busy";
    public static final String OUT_OF_OFFICE = "outOfOffice";

    /** A booked appointment, buffers included, and its service (null: none). */
    public record Booking(Instant start, Instant end, String serviceId) {
    }

    /** One stretch of the same status (and, for busy, service). */
    public record Item(Instant start, Instant end, String status, String serviceId) {
    }

    private record Interval(Instant start, Instant end) {
    }

    private AvailabilityCalculator() {
    }

    /**
     * The items, adjacent ones of one status (and, for busy, service) merged. One sweep over the sorted cut points:
     * at each, the working hours and bookings that started are taken in, so the cost grows with the number of
     * items, not with items times intervals (a business with dozens of slots a day over 62 days once made one
     * staff member's answer cost seconds).
     */
    public static List<Item> items(Instant from, Instant to, WorkHours hours, ZoneId zone, List<Booking> bookings) {
        List<Interval> working = merged(working(from, to, hours, zone));
        List<Booking> booked = bookings.stream().filter(b -> b.start().isBefore(to) && b.end().isAfter(from))
                .sorted(Comparator.comparing(Booking::start)).toList();
        TreeSet<Instant> cuts = new TreeSet<>(List.of(from, to));
        working.forEach(w -> {
            cuts.add(clip(w.start(), from, to));
            cuts.add(clip(w.end(), from, to));
        });
        booked.forEach(b -> {
            cuts.add(clip(b.start(), from, to));
            cuts.add(clip(b.end(), from, to));
        });
        // the bookings running at the segment's start, earliest start first (in the order given, for equal starts)
        PriorityQueue<Integer> running = new PriorityQueue<>(Comparator.comparing((Integer i) -> booked.get(i).start())
                .thenComparing(Comparator.naturalOrder()));
        int nextBooking = 0;
        int nextWorking = 0;
        List<Item> items = new ArrayList<>();
        Instant start = null;
        for (Instant end : cuts) {
            if (start != null && end.isAfter(start)) {
                while (nextBooking < booked.size() && !booked.get(nextBooking).start().isAfter(start)) {
                    running.add(nextBooking++);
                }
                while (!running.isEmpty() && !booked.get(running.peek()).end().isAfter(start)) {
                    running.poll();
                }
                while (nextWorking < working.size() && !working.get(nextWorking).end().isAfter(start)) {
                    nextWorking++;
                }
                Item item;
                if (!running.isEmpty()) {
                    item = new Item(start, end, BUSY, booked.get(running.peek()).serviceId());
                } else {
                    boolean inHours = nextWorking < working.size() && !working.get(nextWorking).start().isAfter(start);
                    item = new Item(start, end, inHours ? AVAILABLE : OUT_OF_OFFICE, null);
                }
                add(items, item);
            }
            start = end;
        }
        return items;
    }

    /** The intervals sorted and overlapping or touching ones joined, so that each instant is in at most one. */
    private static List<Interval> merged(List<Interval> intervals) {
        List<Interval> sorted = intervals.stream().sorted(Comparator.comparing(Interval::start)).toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval interval : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !interval.start().isAfter(last.end())) {
                if (interval.end().isAfter(last.end())) {
                    merged.set(merged.size() - 1, new Interval(last.start(), interval.end()));
                }
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    private static void add(List<Item> items, Item item) {
        if (!items.isEmpty()) {
            Item last = items.get(items.size() - 1);
            if (last.end().equals(item.start()) && last.status().equals(item.status())
                    && Objects.equals(last.serviceId(), item.serviceId())) {
                items.set(items.size() - 1, new Item(last.start(), item.end(), last.status(), last.serviceId()));
                return;
            }
        }
        items.add(item);
    }

    private static List<Interval> working(Instant from, Instant to, WorkHours hours, ZoneId zone) {
        if (hours.isEmpty()) {
            return List.of(new Interval(from, to));
        }
        List<Interval> intervals = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (WorkHours.Slot slot : hours.on(date.getDayOfWeek())) {
                Instant start = ZonedDateTime.of(date, slot.start(), zone).toInstant();
                LocalDate endDate = slot.end().isAfter(slot.start()) ? date : date.plusDays(1);
                Instant end = ZonedDateTime.of(endDate, slot.end(), zone).toInstant();
                if (end.isAfter(from) && start.isBefore(to)) {
                    intervals.add(new Interval(start, end));
                }
            }
        }
        return intervals;
    }

    private static Instant clip(Instant value, Instant from, Instant to) {
        return value.isBefore(from) ? from : value.isAfter(to) ? to : value;
    }
}
