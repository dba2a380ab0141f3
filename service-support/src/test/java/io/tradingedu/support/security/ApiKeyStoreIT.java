package io.tradingedu.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.support.outage.TransientFailures;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Key lookups against the local PostgreSQL: found, revoked, unknown, a table not migrated yet, no database. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyStoreIT {

    private static final TestKeys KEYS = new TestKeys();
    private static final DriverManagerDataSource DATABASE =
            new DriverManagerDataSource(TestKeys.URL, TestKeys.USER, TestKeys.PASSWORD);

    @AfterAll
    static void cleanUp() {
        KEYS.removeOwn();
    }

    @Test
    void aKeyIsFoundByTheHashOfTheWholeKeyWithItsScopes() {
        ApiKeyStore store = new ApiKeyStore(DATABASE, TestKeys.TABLE);
        String key = KEYS.key("read", "write");

        ApiKeyStore.StoredKey found = store.find(ApiKeys.hash(key)).orElseThrow();

        assertThat(found.scopes()).containsExactly(Scope.READ, Scope.WRITE);
        assertThat(found.revoked()).isFalse();
        assertThat(store.find(ApiKeys.hash(ApiKeys.generate()))).isEmpty();
        assertThat(store.find(ApiKeys.hash(KEYS.revokedKey())).orElseThrow().revoked()).isTrue();
    }

    @Test
    void aTableThatDoesNotExistYetRefusesKeysAndWarnsWhy(CapturedOutput output) {
        ApiKeyStore store = new ApiKeyStore(DATABASE, "security_it.no_such_table");

        assertThat(store.find(ApiKeys.hash(ApiKeys.generate()))).isEmpty();

        assertThat(output.getAll()).contains("WARN").contains("the table security_it.no_such_table does not exist")
                .contains("api-service creates it");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAnOutageNotARefusal() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        ApiKeyStore store = new ApiKeyStore(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/tradingedu", TestKeys.USER, TestKeys.PASSWORD),
                TestKeys.TABLE);
        BearerCredentials credentials = new BearerCredentials(store, "", null);

        assertThatThrownBy(() -> store.find(ApiKeys.hash(ApiKeys.generate())))
                .satisfies(e -> assertThat(TransientFailures.databaseOutage(e)).isPresent());
        assertThatThrownBy(() -> credentials.check(ApiKeys.generate()))
                .isInstanceOfSatisfying(CredentialCheckException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("the database is unreachable or busy");
                });
    }
}
