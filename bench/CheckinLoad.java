import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of {@code bench/run.sh checkin}: CLIENTS concurrent clients check the prepared volunteers
 * in and out of the prepared activities through the HTTP API (per volunteer: the organizer's
 * token and the check-in, the organizer's token and the check-out), then POOL connections (the
 * application's pool size) insert as many single rows with plain JDBC in autocommit. See
 * bench/checkin.sh for what the printed figures mean.
 * {@code java -cp POSTGRES_JAR bench/CheckinLoad.java BASE ADMIN_TOKEN JDBC_URL CLIENTS POOL}
 */
public class CheckinLoad {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String admin = args[1];
		String url = args[2];
		int clients = Integer.parseInt(args[3]);
		int poolSize = Integer.parseInt(args[4]);

		// Volunteers by activity: (activity id, volunteer number), prepared by SQL.
		List<long[]> work = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(url, "postgres", System.getenv().getOrDefault("PGPASSWORD", ""))) {
			ResultSet rs = c.createStatement().executeQuery("""
					select s.activity_id, substr(a.username, 11)::int from activity_signup s
					join account a on a.person_id = s.person_id where a.username like 'bench-vol-%' order by 1, 2""");
			while (rs.next()) {
				work.add(new long[] { rs.getLong(1), rs.getLong(2) });
			}
		}
		// One queue of volunteers per activity; a client takes an activity nobody else serves, checks
		// its next volunteer in and out and puts the activity back, as one organizer's screen serves
		// one activity at a time. Keeps all clients busy while activities remain.
		Map<Long, ArrayDeque<long[]>> byActivity = new LinkedHashMap<>();
		work.forEach(w -> byActivity.computeIfAbsent(w[0], k -> new ArrayDeque<>()).add(w));
		LinkedBlockingQueue<ArrayDeque<long[]>> screens = new LinkedBlockingQueue<>(byActivity.values());
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(clients)).build();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong requests = new AtomicLong();
		AtomicLong retries = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> done = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < clients; t++) {
			done.add(pool.submit(() -> {
				for (ArrayDeque<long[]> screen; (screen = screens.poll()) != null;) {
					long[] w = screen.poll();
					String phone = "bench-token-" + w[1];
					for (String action : new String[] { "check-in", "check-out" }) {
						for (int attempt = 0;; attempt++) {
							String token = get(http, base + "/api/v1/activities/" + w[0] + "/checkin-token", admin);
							requests.incrementAndGet();
							long t0 = System.nanoTime();
							HttpResponse<String> response = post(http, base + "/api/v1/activities/" + w[0] + "/" + action,
									phone, "{\"token\":\"" + token + "\"}");
							requests.incrementAndGet();
							if (response.statusCode() == 200) {
								latencies.add(System.nanoTime() - t0);
								break;
							}
							retries.incrementAndGet();
							if (attempt > 5) {
								throw new IllegalStateException(action + " " + response.statusCode() + " " + response.body());
							}
						}
					}
					if (!screen.isEmpty()) {
						screens.add(screen);
					}
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
		// Check-in and check-out requests completed per second; the organizer's token fetches are
		// part of the elapsed time, not of the count.
		double checkins = sorted.length / seconds;
		pool.shutdown();

		// Plain JDBC: as many connections as the application's pool, one thread each, single-row
		// inserts in autocommit, as many as there were check-ins and check-outs.
		int inserts = sorted.length;
		try (Connection c = DriverManager.getConnection(url, "postgres", System.getenv().getOrDefault("PGPASSWORD", ""))) {
			c.createStatement().execute("""
					drop table if exists bench_insert;
					create table bench_insert (id bigserial primary key, activity_id bigint not null, person_id bigint not null,
					  at timestamptz not null default now())""");
		}
		ExecutorService jdbcPool = Executors.newFixedThreadPool(poolSize);
		List<Future<?>> jdbcDone = new ArrayList<>();
		long jdbcStart = System.nanoTime();
		for (int t = 0; t < poolSize; t++) {
			int client = t;
			jdbcDone.add(jdbcPool.submit(() -> {
				try (Connection c = DriverManager.getConnection(url, "postgres", System.getenv().getOrDefault("PGPASSWORD", ""));
						PreparedStatement insert = c.prepareStatement(
								"insert into bench_insert (activity_id, person_id) values (?, ?)")) {
					for (int i = client; i < inserts; i += poolSize) {
						insert.setLong(1, i % 100);
						insert.setLong(2, i);
						insert.executeUpdate();
					}
				}
				return null;
			}));
		}
		for (Future<?> f : jdbcDone) {
			f.get();
		}
		double jdbcSeconds = (System.nanoTime() - jdbcStart) / 1e9;
		jdbcPool.shutdown();
		double jdbcRate = inserts / jdbcSeconds;
		System.out.printf("volunteers=%d clients=%d pool_size=%d seconds=%.1f http_requests=%d retries=%d"
				+ " jdbc_seconds=%.1f%n", work.size(), clients, poolSize, seconds, requests.get(), retries.get(),
				jdbcSeconds);
		System.out.printf("checkin_per_s=%.0f p99_ms=%.1f%n", checkins, p99);
		System.out.printf("jdbc_insert_per_s=%.0f ratio=%.3f%n", jdbcRate, checkins / jdbcRate);
		System.exit(0);
	}

	private static String get(HttpClient http, String url, String token) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !m.find()) {
			throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
		}
		return m.group(1);
	}

	private static HttpResponse<String> post(HttpClient http, String url, String token, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
