// Trains a Weka classifier on one ARFF file and prints, for every row of another, the
// prediction at full precision: the class distribution (classification) or the value (regression).
// Usage: java -cp weka.jar:. WekaPredict train.arff test.arff <classifier class> [options...]
import java.io.FileReader;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.Utils;

public class WekaPredict {
  public static void main(String[] args) throws Exception {
    Instances train = new Instances(new FileReader(args[0]));
    Instances test = new Instances(new FileReader(args[1]));
    train.setClassIndex(train.numAttributes() - 1);
    test.setClassIndex(test.numAttributes() - 1);
    String[] options = new String[args.length - 3];
    System.arraycopy(args, 3, options, 0, options.length);
    Classifier classifier = Classifier.forName(args[2], options);
    classifier.buildClassifier(train);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < test.numInstances(); i++) {
      double[] distribution = classifier.distributionForInstance(test.instance(i));
      for (int j = 0; j < distribution.length; j++) {
        if (j > 0) out.append(' ');
        out.append(Double.toString(distribution[j]));
      }
      out.append('\n');
    }
    System.out.print(out);
  }
}
