package dev.memoria.it.load;

import java.util.List;
import java.util.Random;

/**
 * Realistic, varied English memories and queries from templates and word lists, driven by one seeded
 * {@link Random} so that a run is reproducible. Varied vocabulary matters: identical texts would make the
 * keyword index and the embedding cache look better than they are.
 */
public final class SentenceGenerator {

    private static final List<String> PEOPLE = List.of("my sister", "my manager", "Alice", "the landlord",
            "my daughter", "our tech lead", "Grandma", "the dentist", "my running partner", "Tom from accounting",
            "my son", "the new intern", "Priya", "my neighbour", "the product owner", "Uncle Bernard");
    private static final List<String> PLACES = List.of("Lisbon", "the office", "the gym", "Kyoto", "the cabin",
            "Berlin", "the farmers market", "the library", "Montreal", "the coffee shop on 5th street",
            "the climbing hall", "Edinburgh", "the co-working space", "the lake house");
    private static final List<String> THINGS = List.of("dark mode", "oat milk", "mechanical keyboards",
            "tabs over spaces", "window seats", "jazz playlists", "green tea", "vim keybindings",
            "spicy ramen", "paper notebooks", "early morning meetings", "sourdough bread", "standing desks",
            "noise cancelling headphones", "PostgreSQL", "Kotlin", "trail running shoes", "audiobooks");
    private static final List<String> TOOLS = List.of("PostgreSQL 16", "Kubernetes", "Terraform", "Redis",
            "Kafka", "the CI pipeline", "Grafana dashboards", "the staging cluster", "GitHub Actions",
            "the billing service", "the search index", "the mobile app", "Elasticsearch", "the VPN");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    private static final List<String> ACTIVITIES = List.of("play tennis", "review pull requests",
            "call the family", "water the plants", "go to yoga", "back up the laptop", "practice the piano",
            "meal prep for the week", "run 10 kilometres", "read before bed", "plan the sprint",
            "visit the climbing gym");
    private static final List<String> MEMORY_TEMPLATES = List.of(
            "%1$s prefers %3$s and mentioned it again last week",
            "I usually %6$s on %4$s evenings",
            "The team decided to migrate to %5$s before the end of %7$s",
            "%1$s's birthday party is on the %8$d of %7$s in %2$s",
            "Remember that %1$s does not like %3$s at all",
            "We keep the deployment notes for %5$s in the shared wiki",
            "My flight to %2$s leaves on %4$s morning at %8$d:30",
            "I switched to %3$s because it helps me focus",
            "%1$s recommended trying %3$s when we met in %2$s",
            "The outage on %4$s was caused by a misconfigured %5$s",
            "Always run the migration script before restarting %5$s",
            "I am allergic to peanuts, so avoid restaurants near %2$s that cook with them",
            "Our quarterly planning happens in %7$s and %1$s leads it",
            "To reset %5$s, drain the traffic first and then restart the pods one by one",
            "I try to %6$s at least %8$d times a month",
            "%1$s moved to %2$s in %7$s and now works remotely");
    private static final List<String> QUERY_TEMPLATES = List.of(
            "what does %1$s prefer?",
            "when is %1$s's birthday?",
            "how do we restart %5$s safely?",
            "what happened with %5$s last %4$s?",
            "which habits do I have on %4$s?",
            "what do I like about %3$s?",
            "when is my trip to %2$s?",
            "who leads the planning in %7$s?",
            "what should I avoid when eating out?",
            "where are the notes for %5$s?");

    private final Random random;

    public SentenceGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A statement an agent would store as a memory. */
    public synchronized String memory() {
        return fill(MEMORY_TEMPLATES);
    }

    /** A question an agent would ask when retrieving. */
    public synchronized String query() {
        return fill(QUERY_TEMPLATES);
    }

    private String fill(List<String> templates) {
        return String.format(pick(templates), pick(PEOPLE), pick(PLACES), pick(THINGS), pick(DAYS), pick(TOOLS),
                pick(ACTIVITIES), pick(MONTHS), 1 + random.nextInt(28));
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
