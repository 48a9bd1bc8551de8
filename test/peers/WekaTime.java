// Times Weka inside one JVM, so the comparison leaves out Java's start-up and includes warm-up.
// Usage: java -cp weka.jar:. WekaTime build|cv <data.arff> <repeats> <classifier class> [options...]
// Prints one line of JSON: {"ms":[...each repeat...],"accuracy":..,"rmse":..}
import java.io.FileReader;
import java.util.Random;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;

public class WekaTime {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Instances data = new Instances(new FileReader(args[1]));
    data.setClassIndex(data.numAttributes() - 1);
    int repeats = Integer.parseInt(args[2]);
    String[] options = new String[args.length - 4];
    System.arraycopy(args, 4, options, 0, options.length);
    StringBuilder times = new StringBuilder();
    Evaluation last = null;
    for (int r = 0; r < repeats; r++) {
      Classifier classifier = Classifier.forName(args[3], options.clone());
      long start = System.nanoTime();
      if (mode.equals("build")) {
        classifier.buildClassifier(data);
      } else {
        last = new Evaluation(data);
        last.crossValidateModel(classifier, data, 10, new Random(1));
      }
      double ms = (System.nanoTime() - start) / 1e6;
      times.append(r == 0 ? "" : ",").append(ms);
    }
    String figure = "";
    if (last != null) {
      figure = data.classAttribute().isNominal()
          ? ",\"accuracy\":" + (last.pctCorrect() / 100)
          : ",\"rmse\":" + last.rootMeanSquaredError();
    }
    System.out.println("{\"ms\":[" + times + "]" + figure + "}");
  }
}
