package jp.madoguchi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jp.madoguchi.MadoguchiApplication;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Restarts the application on one file database: unchanged models deploy nothing, a changed one a new version. */
@Tag("own-application")
class RestartDeploymentTest {

  @TempDir Path workDir;

  @Test
  void aRestartDeploysNothingWhenNothingChangedAndOneNewVersionWhenAModelChanged() throws IOException {
    Path processes = copy(Path.of("processes"), workDir.resolve("processes"));
    copy(Path.of("forms"), workDir.resolve("forms"));

    assertThat(startAndCount("complaint")).isEqualTo(new Counts(1, 1));
    assertThat(startAndCount("complaint")).isEqualTo(new Counts(1, 1));

    Path complaint = processes.resolve("complaint.bpmn");
    String changed =
        Files.readString(complaint, StandardCharsets.UTF_8)
            .replace("name=\"苦情・相談に対応 / Handle complaint\"", "name=\"苦情・相談に対応する / Handle the complaint\"");
    Files.writeString(complaint, changed, StandardCharsets.UTF_8);

    assertThat(startAndCount("complaint")).isEqualTo(new Counts(2, 2));
    assertThat(startAndCount("complaint")).isEqualTo(new Counts(2, 2));
  }

  record Counts(long deployments, int latestVersion) {}

  private Counts startAndCount(String processKey) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(MadoguchiApplication.class)
            .profiles("test")
            .run(
                "--server.port=0",
                "--camunda.bpm.process-engine-name=restart-test",
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db").toAbsolutePath() + "/madoguchi",
                "--madoguchi.deployment.locations=file:" + workDir.toAbsolutePath() + "/processes/,file:"
                    + workDir.toAbsolutePath() + "/forms/")) {
      RepositoryService repository = context.getBean(RepositoryService.class);
      long deployments = repository.createDeploymentQuery().deploymentName("madoguchi").count();
      int version =
          repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
              .singleResult().getVersion();
      return new Counts(deployments, version);
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}
