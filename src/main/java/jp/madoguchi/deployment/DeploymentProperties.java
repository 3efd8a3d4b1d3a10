package jp.madoguchi.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the desk's models and forms come from, and the name their deployment carries.
 *
 * @param name the deployment name; a new deployment is compared with the last one of this name
 * @param locations folders (Spring resource locations ending in {@code /}) whose BPMN, DMN and form files are
 *     deployed together; a file is named after the last folder of its location plus its relative path, e.g.
 *     {@code processes/complaint.bpmn}, so that names are the same in an exploded build and in the jar
 */
@Validated
@ConfigurationProperties("madoguchi.deployment")
record DeploymentProperties(@NotBlank String name, @NotEmpty List<String> locations) {}
