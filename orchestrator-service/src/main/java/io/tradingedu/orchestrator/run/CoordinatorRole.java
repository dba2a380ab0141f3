package io.tradingedu.orchestrator.run;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Beans of the run state machine (inbox, timekeeper, run API): present unless the instance is started with
 * {@code PIPELINE_ROLE=worker}, which runs stage workers only.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnExpression("'${pipeline.role:all}'.toLowerCase() != 'worker'")
public @interface CoordinatorRole {
}
