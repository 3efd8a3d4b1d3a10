package jp.madoguchi.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Deploys the files of {@code processes/} and {@code forms/} as one deployment, so that a task's
 * {@code formRefBinding="deployment"} always finds the form that was written for its model.
 *
 * <p>The engine's duplicate filter compares the files with the last deployment of the same name: a restart
 * with unchanged files deploys nothing; a change to any file deploys the whole set again, as new versions.
 */
@Service
public class ModelDeployer {

  static final String SOURCE = "madoguchi-application";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final String[] FILE_PATTERNS = {"**/*.bpmn", "**/*.dmn", "**/*.form"};

  private final RepositoryService repositoryService;
  private final DeploymentProperties properties;
  private final ResourcePatternResolver resolver;

  ModelDeployer(RepositoryService repositoryService, DeploymentProperties properties) {
    this.repositoryService = repositoryService;
    this.properties = properties;
    this.resolver = new PathMatchingResourcePatternResolver();
  }

  /**
   * Deploys the models and forms when any of them changed.
   *
   * @return the new deployment, or empty when nothing changed
   */
  public Optional<DeploymentWithDefinitions> deployChangedModels() {
    Map<String, byte[]> files = collectFiles();
    if (files.isEmpty()) {
      throw new IllegalStateException("No BPMN, DMN or form files found in " + properties.locations());
    }
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(properties.name())
            .source(SOURCE)
            .enableDuplicateFiltering(false);
    files.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
    Optional<String> before = latestDeploymentId();
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    if (before.isPresent() && !isNewerThan(deployment, before.get())) {
      LOG.info("Models and forms unchanged since deployment {}: nothing deployed", before.get());
      return Optional.empty();
    }
    LOG.info("Deployed {} files as deployment {}: {}", files.size(), deployment.getId(), files.keySet());
    return Optional.of(deployment);
  }

  private Optional<String> latestDeploymentId() {
    return repositoryService
        .createDeploymentQuery()
        .deploymentName(properties.name())
        .deploymentSource(SOURCE)
        .orderByDeploymentTime()
        .desc()
        .listPage(0, 1)
        .stream()
        .findFirst()
        .map(d -> d.getId());
  }

  private boolean isNewerThan(DeploymentWithDefinitions deployment, String previousId) {
    return !deployment.getId().equals(previousId)
        && !repositoryService.getDeploymentResourceNames(deployment.getId()).isEmpty();
  }

  Map<String, byte[]> collectFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    for (String location : properties.locations()) {
      String folder = folderName(location);
      for (String pattern : FILE_PATTERNS) {
        for (Resource resource : resources(location + pattern)) {
          String name = folder + "/" + relativePath(resource, folder);
          byte[] content = read(resource);
          byte[] earlier = files.putIfAbsent(name, content);
          if (earlier != null && !Arrays.equals(earlier, content)) {
            throw new IllegalStateException("Two different files are both named " + name);
          }
        }
      }
    }
    return files;
  }

  private Resource[] resources(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  private static String folderName(String location) {
    String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
    return trimmed.substring(slash + 1);
  }

  private static String relativePath(Resource resource, String folder) {
    try {
      String url = resource.getURL().toString();
      String marker = "/" + folder + "/";
      int at = url.lastIndexOf(marker);
      if (at < 0) {
        throw new IllegalStateException(url + " does not lie in a folder named " + folder);
      }
      return url.substring(at + marker.length());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
