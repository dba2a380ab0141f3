package io.tradingedu.orchestrator.media;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Stage workers: present unless the instance is started with {@code PIPELINE_ROLE=coordinator}, which runs the state
 * machine only. Worker-only instances ({@code PIPELINE_ROLE=worker}) scale media work out through the stages'
 * consumer groups.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnExpression("'${pipeline.role:all}'.toLowerCase() != 'coordinator'")
public @interface WorkerRole {
}
