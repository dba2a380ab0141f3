package io.tradingedu.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class ServiceProblemAdviceTest {

    private static SQLTransientConnectionException unreachable() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out "
                + "after 3000ms (total=0, active=0, idle=0, waiting=0)", "08001",
                new SQLException("Connection to db.internal:5432 refused", "08001",
                        new ConnectException("Connection refused")));
    }

    @RestController
    static class FailingController {

        @GetMapping("/fail/{how}")
        String fail(@PathVariable String how) {
            throw switch (how) {
                case "no-connection" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        unreachable());
                case "no-transaction" -> new CannotCreateTransactionException(
                        "Could not open JPA EntityManager for transaction", new RuntimeException(unreachable()));
                case "pool-exhausted" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out"));
                case "duplicate" -> new DuplicateKeyException("duplicate key value violates unique constraint");
                default -> new IllegalStateException("a bug");
            };
        }
    }

    @RestControllerAdvice
    static class Advice extends ServiceProblemAdvice {
    }

    /** Like embeddings-service: a service's own handler of data-access exceptions. */
    @RestControllerAdvice
    static class AdviceWithOwnDataAccessHandler extends ServiceProblemAdvice {

        @ExceptionHandler
        ProblemDetail indexUnavailable(DataAccessException e) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "index-unavailable", "Search index unavailable",
                    "the search index cannot be reached");
        }
    }

    private static MockMvc mvc(ServiceProblemAdvice advice) {
        return MockMvcBuilders.standaloneSetup(new FailingController()).setControllerAdvice(advice).build();
    }

    @Test
    void anUnreachableDatabaseAnswers503ProblemWithRetryAfter() throws Exception {
        MockMvc mvc = mvc(new Advice());

        for (String how : new String[] {"no-connection", "no-transaction"}) {
            mvc.perform(get("/fail/" + how))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/service-unavailable"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value("the database is unreachable; try again in a few seconds"));
        }
    }

    @Test
    void aDatabaseWithNoFreeConnectionAnswers503SayingItIsBusy() throws Exception {
        mvc(new Advice()).perform(get("/fail/pool-exhausted"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/service-unavailable"))
                .andExpect(jsonPath("$.detail").value(
                        "the database is too busy to answer now; try again in a few seconds"));
    }

    @Test
    void theProblemShowsNothingOfTheDriversMessage() throws Exception {
        String body = mvc(new Advice()).perform(get("/fail/no-connection")).andReturn().getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("db.internal", "5432", "Hikari");
    }

    @Test
    void otherDataAccessFailuresAndBugsStayInternalErrors() throws Exception {
        MockMvc mvc = mvc(new Advice());

        for (String how : new String[] {"duplicate", "bug"}) {
            mvc.perform(get("/fail/" + how))
                    .andExpect(status().isInternalServerError())
                    .andExpect(header().doesNotExist("Retry-After"))
                    .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/internal-error"));
        }
    }

    @Test
    void aServicesOwnDataAccessHandlerStillAnswersFirst() throws Exception {
        MockMvc mvc = mvc(new AdviceWithOwnDataAccessHandler());

        mvc.perform(get("/fail/no-connection"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/index-unavailable"));
        // not a DataAccessException: the shared classification answers
        mvc.perform(get("/fail/no-transaction"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/service-unavailable"));
    }
}
